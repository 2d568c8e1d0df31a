package dev.tenantry.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.tenantry.authz.BuiltInRoles;
import dev.tenantry.authz.Scope;
import dev.tenantry.support.IntegrationTest;
import dev.tenantry.support.TestUsers.Grant;
import dev.tenantry.support.TestUsers.TestUser;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * DESIGN §3.6h's recovery command as an operator runs it: the launcher script itself ({@code
 * ./tenantry recover-admin --tid … --oid … --force --jdbc-url …}) against this test's database, on
 * the application's built classpath ({@code TENANTRY_CLASSPATH}, so no Maven run inside the test).
 */
class RecoverAdminLauncherTest extends IntegrationTest {
  @Autowired DataSource dataSource;

  @Test
  void recoverAdminThroughTheLauncherEnablesTheAdministratorAgainAndAudits() throws Exception {
    TestUser lost =
        testUsers.user(
            testUsers.mspTenant(),
            Grant.allow(BuiltInRoles.SYSTEM_ADMINISTRATOR_LEGACY.id(), Scope.owner()));
    testUsers.write(
        () ->
            jdbc.sql("update app_user set enabled = false, access_expires_at = now() where id = ?")
                .param(lost.id())
                .update());

    Path out = Files.createTempFile("recover-admin", ".log");
    ProcessBuilder pb =
        new ProcessBuilder(
                "./tenantry",
                "recover-admin",
                "--tid",
                lost.tid().toString(),
                "--oid",
                lost.oid().toString(),
                "--force",
                "--jdbc-url",
                ((HikariDataSource) dataSource).getJdbcUrl())
            .redirectErrorStream(true)
            .redirectOutput(out.toFile());
    pb.environment().put("TENANTRY_CLASSPATH", applicationClasspath());
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    pb.environment().put("TENANTRY_DB_USERNAME", "postgres");
    Process p = pb.start();
    boolean ended = p.waitFor(5, TimeUnit.MINUTES);
    String log = Files.readString(out);
    if (!ended) {
      p.destroyForcibly();
    }
    assertThat(ended).as(log).isTrue();
    assertThat(p.exitValue()).as(log).isZero();

    assertThat(
            jdbc.sql("select enabled and access_expires_at is null from app_user where id = ?")
                .param(lost.id())
                .query(Boolean.class)
                .single())
        .isTrue();
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_event where action = 'admin.recovered'"
                        + " and target_id = ? and actor_label like 'recover-admin%'")
                .param(lost.id().toString())
                .query(Long.class)
                .single())
        .isEqualTo(1);
    assertThat(lost.http().get("/api/v1/auth/me").status()).isEqualTo(200);
  }

  /** The application's classpath without the test classes (their beans are not the product's). */
  private static String applicationClasspath() {
    String cp =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> entries =
        Arrays.stream(cp.split(File.pathSeparator))
            .filter(e -> !e.endsWith("test-classes") && !e.endsWith("test-classes/"))
            .toList();
    return entries.stream().collect(Collectors.joining(File.pathSeparator));
  }
}
