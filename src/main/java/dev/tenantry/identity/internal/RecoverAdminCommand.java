package dev.tenantry.identity.internal;

import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The host side of {@link RecoverAdmin}: {@code ./tenantry recover-admin --tid … --oid … [--force]
 * [--jdbc-url …]} starts the application on a random loopback port (its web beans need a servlet
 * context; without one it did not start at all), with {@code tenantry.recover-admin.*} set; this
 * runs the recovery once, prints the outcome and exits (0 done, 3 refused, 2 bad input).
 */
@Component
@ConditionalOnProperty("tenantry.recover-admin.oid")
class RecoverAdminCommand implements ApplicationRunner {
  private static final Logger log = LoggerFactory.getLogger(RecoverAdminCommand.class);
  private final RecoverAdmin recover;
  private final ConfigurableApplicationContext context;
  private final org.springframework.core.env.Environment env;

  RecoverAdminCommand(
      RecoverAdmin recover,
      ConfigurableApplicationContext context,
      org.springframework.core.env.Environment env) {
    this.recover = recover;
    this.context = context;
    this.env = env;
  }

  @Override
  public void run(ApplicationArguments args) {
    UUID tid = EntraClaimsValidator.guid(env.getProperty("tenantry.recover-admin.tid", ""));
    UUID oid = EntraClaimsValidator.guid(env.getProperty("tenantry.recover-admin.oid", ""));
    boolean force = env.getProperty("tenantry.recover-admin.force", Boolean.class, false);
    int code;
    if (tid == null || oid == null) {
      log.error("recover-admin: --tid and --oid must be GUIDs (the Entra tenant and object id)");
      code = 2;
    } else {
      try {
        var r = recover.recover(tid, oid, force);
        log.warn(
            "recover-admin: user {} ({}) is a full administrator again: {}",
            r.userId(),
            r.createdUser() ? "created" : "existing",
            r.changes());
        code = 0;
      } catch (RecoverAdmin.Refused e) {
        log.error("recover-admin: {}", e.getMessage());
        code = 3;
      }
    }
    int exit = code;
    System.exit(SpringApplication.exit(context, () -> exit));
  }
}
