package dev.tenantry.authz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The catalogue's invariants, and docs/permissions.md kept in step with it. */
class PermissionCatalogueTest {

  @Test
  void keysAreUniqueAndWellFormed() {
    List<String> keys = Arrays.stream(Permission.values()).map(Permission::key).toList();
    assertThat(keys).doesNotHaveDuplicates().allMatch(k -> k.matches("^[a-z-]+:[a-z_-]+$"));
  }

  @Test
  void thereAreAtLeastOneHundredPermissions() {
    assertThat(Permission.values()).hasSizeGreaterThanOrEqualTo(100);
  }

  @Test
  void requiredKeysExist() {
    for (String key :
        List.of(
            "computers:view",
            "computers:manage",
            "computers:delete",
            "computers:change-tenant",
            "tenants:view",
            "tenants:manage",
            "tenants:delete",
            "tenants:merge",
            "tags:view",
            "tags:manage",
            "people:view",
            "people:manage",
            "users:view",
            "users:manage",
            "users:impersonate",
            "access-requests:manage",
            "roles:view",
            "roles:manage",
            "roles:manage-public",
            "roles:assign-cross-tenant",
            "groups:view",
            "groups:manage",
            "role-assignments:view",
            "role-assignments:manage",
            "preferences:view",
            "preferences:manage",
            "tenant-preferences:view",
            "tenant-preferences:manage",
            "audit:view",
            "billing:manage",
            "scripts:run",
            "software:manage",
            "deployments:manage_change_requests")) {
      assertThat(Permission.byKey(key)).as(key).isPresent();
    }
    assertThat(Permission.byKey("computers:fly")).isEmpty();
  }

  @Test
  void systemPermissionsIncludeTheOnesDesignNames() {
    for (String key :
        List.of(
            "billing:manage",
            "preferences:manage",
            "roles:manage-public",
            "roles:assign-cross-tenant",
            "users:impersonate",
            "audit:verify",
            "integrations:manage",
            "azure:manage",
            "licenses:manage-instance")) {
      assertThat(Permission.byKey(key).orElseThrow().system()).as(key).isTrue();
    }
    assertThat(Permission.COMPUTERS_MANAGE.system()).isFalse();
  }

  @Test
  void dependenciesNeverIncludeThemselves() {
    for (Permission p : Permission.values()) {
      assertThat(p.dependencies()).as(p.key()).doesNotContain(p);
    }
    assertThat(Permission.COMPUTERS_MANAGE.dependencies()).contains(Permission.COMPUTERS_VIEW);
  }

  @Test
  void subjectIsTheKeyPrefixAndEveryPermissionIsDescribed() {
    for (Permission p : Permission.values()) {
      assertThat(p.key()).startsWith(p.subject().keyPrefix() + ":");
      assertThat(p.displayName()).isNotBlank();
      assertThat(p.description()).isNotBlank();
      assertThat(Permission.byKey(p.key())).contains(p);
    }
  }

  @Test
  void everySubjectHasAPermission() {
    for (PermissionSubject s : PermissionSubject.values()) {
      assertThat(Arrays.stream(Permission.values()).anyMatch(p -> p.subject() == s))
          .as(s.name())
          .isTrue();
    }
  }

  @Test
  void permissionsDocIsUpToDate() throws Exception {
    GeneratedDoc.assertUpToDate(Path.of("docs/permissions.md"), PermissionDocs.permissions());
  }
}
