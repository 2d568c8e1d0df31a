package dev.tenantry.authz.access;

import dev.tenantry.authz.ComputerType;
import dev.tenantry.authz.ResourceSelector;
import dev.tenantry.authz.engine.TenantGrants;
import dev.tenantry.shared.VisibleTenants;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Which computers the current user may act on with one permission, as a SQL predicate over a {@code
 * computer} row (DESIGN §6: lists are SQL filters, never row-by-row checks). Mirrors {@link
 * TenantGrants#allowsComputer}: not in a denied tenant, not selected by a denied resource scope,
 * and in an allowed tenant or selected by an allowed resource scope. Computer tags are read from
 * {@code computer_tag}. A large set of allowed tenants is probed in its stored copy ({@code
 * allowedSetId}, see {@link VisibleTenantSets}) instead of passed as an array.
 */
public record ComputerFilter(TenantGrants grants, @Nullable UUID allowedSetId) {

  public ComputerFilter(TenantGrants grants) {
    this(grants, null);
  }

  public boolean isNothing() {
    return grants.isNothing();
  }

  /**
   * The same filter for computers of the given tenants only: tenant lists cut down to those
   * tenants, so that SQL over a few tenants does not carry every tenant the caller may see.
   */
  public ComputerFilter within(java.util.Collection<UUID> tenants) {
    Set<UUID> only = Set.copyOf(tenants);
    return new ComputerFilter(
        new TenantGrants(
            grants.allTenants(),
            grants.tenantIds().stream()
                .filter(only::contains)
                .collect(java.util.stream.Collectors.toSet()),
            grants.deniedTenantIds().stream()
                .filter(only::contains)
                .collect(java.util.stream.Collectors.toSet()),
            grants.allowedSelectors(),
            grants.deniedSelectors()));
  }

  /**
   * True when the filter lets through every computer of the tenant, whatever the computers' ids,
   * types and tags: the tenant is allowed, not denied, and no denied resource selector exists (a
   * count of the tenant's computers is then its total).
   */
  public boolean allowsEveryComputerOf(UUID tenantId) {
    return grants.allowsTenant(tenantId)
        && !grants.deniedTenantIds().contains(tenantId)
        && grants.deniedSelectors().isEmpty();
  }

  /**
   * True when the filter lets through no computer of the tenant: the tenant is denied, or neither
   * allowed nor reachable by an allowed resource selector.
   */
  public boolean allowsNoComputerOf(UUID tenantId) {
    return grants.deniedTenantIds().contains(tenantId)
        || (!grants.allowsTenant(tenantId) && grants.allowedSelectors().isEmpty());
  }

  /** {@code tenantMspId}: the msp_id of the computer's tenant (MSP-limited selectors read it). */
  public boolean allows(
      UUID computerId,
      UUID tenantId,
      @Nullable UUID tenantMspId,
      ComputerType type,
      Set<UUID> tagIds) {
    return grants.allowsComputer(computerId, tenantId, tenantMspId, type, tagIds);
  }

  /**
   * The predicate for a computer table aliased {@code alias}; parameters are named {@code cf_…}.
   */
  public SqlPredicate sql(String alias) {
    return sql(alias, "cf");
  }

  public SqlPredicate sql(String alias, String paramPrefix) {
    if (grants.isNothing()) {
      return SqlPredicate.FALSE;
    }
    Render r = new Render(alias, paramPrefix);
    List<String> allowed = new ArrayList<>();
    if (grants.allTenants()) {
      allowed.add("true");
    } else if (allowedSetId != null) {
      allowed.add(VisibleTenants.inStoredSet(alias + ".tenant_id", allowedSetId));
    } else if (!grants.tenantIds().isEmpty()) {
      allowed.add(
          alias + ".tenant_id = any(" + r.param(grants.tenantIds().toArray(UUID[]::new)) + ")");
    }
    grants.allowedSelectors().forEach(s -> allowed.add(r.selector(s)));
    List<String> all = new ArrayList<>();
    if (!grants.deniedTenantIds().isEmpty()) {
      all.add(
          "not ("
              + alias
              + ".tenant_id = any("
              + r.param(grants.deniedTenantIds().toArray(UUID[]::new))
              + "))");
    }
    grants.deniedSelectors().forEach(s -> all.add("not (" + r.selector(s) + ")"));
    all.add("(" + String.join(" or ", allowed) + ")");
    return new SqlPredicate(String.join(" and ", all), r.params);
  }

  private static final class Render {
    private final String alias;
    private final String prefix;
    private final Map<String, Object> params = new HashMap<>();

    Render(String alias, String prefix) {
      this.alias = alias;
      this.prefix = prefix;
    }

    String param(Object value) {
      String name = prefix + "_" + params.size();
      params.put(name, value);
      return ":" + name;
    }

    String selector(ResourceSelector s) {
      return switch (s) {
        case ResourceSelector.OneComputer(UUID c) -> alias + ".id = " + param(c);
        case ResourceSelector.ComputerTag(UUID tag, UUID tenant, UUID msp) ->
            "(exists (select 1 from computer_tag authz_ct where"
                + " authz_ct.computer_id = "
                + alias
                + ".id and authz_ct.tag_id = "
                + param(tag)
                + ")"
                + inTenant(tenant)
                + inMsp(msp)
                + ")";
        case ResourceSelector.ComputerTypes(Set<ComputerType> types, UUID tenant, UUID msp) ->
            "("
                + alias
                + ".type = any("
                + param(types.stream().map(Enum::name).sorted().toArray(String[]::new))
                + ")"
                + inTenant(tenant)
                + inMsp(msp)
                + ")";
      };
    }

    /** The computer's tenant belongs to MSP m (its msp_id; an MSP's own is itself). */
    private String inMsp(@Nullable UUID msp) {
      return msp == null
          ? ""
          : " and exists (select 1 from tenant authz_tm where authz_tm.id = "
              + alias
              + ".tenant_id and authz_tm.msp_id = "
              + param(msp)
              + ")";
    }

    private String inTenant(UUID tenant) {
      return tenant == null ? "" : " and " + alias + ".tenant_id = " + param(tenant);
    }
  }
}
