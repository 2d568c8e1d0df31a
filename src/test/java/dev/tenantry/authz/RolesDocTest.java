package dev.tenantry.authz;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/roles.md is generated from BuiltInRoles and RoleTemplates and must not go stale. */
class RolesDocTest {

  @Test
  void rolesDocIsUpToDate() throws Exception {
    GeneratedDoc.assertUpToDate(Path.of("docs/roles.md"), PermissionDocs.roles());
  }
}
