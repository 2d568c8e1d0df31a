package dev.tenantry.authz.web;

import dev.tenantry.authz.Permission;
import dev.tenantry.authz.PermissionCategory;
import dev.tenantry.authz.PermissionSubject;
import dev.tenantry.authz.Requires;
import dev.tenantry.authz.Requires.On;
import dev.tenantry.authz.access.Authorizer;
import java.util.Arrays;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The permission catalogue with all metadata, grouped by subject in display order (for the role
 * editor).
 */
@RestController
class PermissionCatalogController {
  record PermissionView(
      String key,
      String action,
      String displayName,
      String description,
      PermissionCategory category,
      boolean system,
      boolean dangerous,
      boolean mspOnly,
      List<String> dependencies) {}

  record SubjectView(String key, String displayName, List<PermissionView> permissions) {}

  private final Authorizer authz;

  PermissionCatalogController(Authorizer authz) {
    this.authz = authz;
  }

  /** Any user may read the catalogue (it is the same for everyone). */
  @Requires(on = On.SELF, note = "any user: the catalogue is the same for everyone")
  @GetMapping("/api/v1/permissions")
  List<SubjectView> catalogue() {
    authz.requireUser();
    return Arrays.stream(PermissionSubject.values())
        .map(
            s ->
                new SubjectView(
                    s.keyPrefix(),
                    s.displayName(),
                    Arrays.stream(Permission.values())
                        .filter(p -> p.subject() == s)
                        .map(PermissionCatalogController::view)
                        .toList()))
        .filter(s -> !s.permissions().isEmpty())
        .toList();
  }

  private static PermissionView view(Permission p) {
    return new PermissionView(
        p.key(),
        p.action(),
        p.displayName(),
        p.description(),
        p.category(),
        p.system(),
        p.dangerous(),
        p.mspOnly(),
        p.dependencies().stream().map(Permission::key).sorted().toList());
  }
}
