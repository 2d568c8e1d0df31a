package dev.tenantry.authz.internal;

import dev.tenantry.authz.Permission;
import dev.tenantry.authz.RoleDefinition;
import dev.tenantry.authz.internal.RoleRepository.RoleRow;
import dev.tenantry.shared.web.ApiException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** JSON shapes of the role API. */
public final class RoleDtos {
  private RoleDtos() {}

  public record RoleRequest(
      @Nullable String name,
      @Nullable String description,
      @Nullable UUID ownerTenantId,
      @Nullable List<String> permissions,
      @Nullable Long version) {}

  public record CloneRequest(@Nullable String name, @Nullable UUID ownerTenantId) {}

  public record RoleView(
      UUID id,
      String name,
      String description,
      boolean builtIn,
      @Nullable UUID ownerTenantId,
      List<String> permissions,
      Instant createdAt,
      Instant updatedAt,
      long version,
      List<String> warnings) {
    public static RoleView of(RoleRow r) {
      return new RoleView(
          r.id(),
          r.name(),
          r.description(),
          r.builtIn(),
          r.ownerTenantId(),
          r.permissions().stream().sorted().toList(),
          r.createdAt(),
          r.updatedAt(),
          r.version(),
          RoleDtos.warnings(parse(r.permissions(), false)));
    }
  }

  public record TemplateView(
      String key, UUID id, String name, String description, List<String> permissions) {
    public static TemplateView of(RoleDefinition d) {
      return new TemplateView(
          RoleDtos.key(d),
          d.id(),
          d.name(),
          d.description(),
          d.permissions().stream().map(Permission::key).sorted().toList());
    }
  }

  public static String key(RoleDefinition d) {
    return d.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
  }

  public static String name(@Nullable String name) {
    if (name == null || name.isBlank() || name.strip().length() > 200) {
      throw ApiException.invalid("name is required (1 to 200 characters)");
    }
    return name.strip();
  }

  public static String description(@Nullable String d) {
    if (d != null && d.length() > 2000) {
      throw ApiException.invalid("description is at most 2000 characters");
    }
    return d == null ? "" : d;
  }

  /** Catalogue keys to permissions; an unknown key is a 400 (when {@code strict}) or ignored. */
  public static Set<Permission> parse(@Nullable List<String> keys, boolean strict) {
    Set<Permission> out = EnumSet.noneOf(Permission.class);
    List<String> unknown = new ArrayList<>();
    for (String k : keys == null ? List.<String>of() : keys) {
      Permission.byKey(k).ifPresentOrElse(out::add, () -> unknown.add(k));
    }
    if (strict && !unknown.isEmpty()) {
      throw ApiException.invalid(
          "Unknown permission keys: "
              + String.join(", ", unknown)
              + " (see GET /api/v1/permissions)");
    }
    return out;
  }

  public static List<String> keys(Set<Permission> ps) {
    return ps.stream().map(Permission::key).sorted().toList();
  }

  /** Advisory dependencies the role lacks (DESIGN §3.7): never enforced, only shown. */
  public static List<String> warnings(Set<Permission> ps) {
    List<String> out = new ArrayList<>();
    ps.stream()
        .sorted(Comparator.comparing(Permission::key))
        .forEach(
            p ->
                p.dependencies().stream()
                    .filter(d -> !ps.contains(d))
                    .sorted(Comparator.comparing(Permission::key))
                    .forEach(
                        d ->
                            out.add(
                                "'" + p.key() + "' is usually useless without '" + d.key() + "'")));
    return out;
  }
}
