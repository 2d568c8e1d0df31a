package dev.tenantry.library.internal;

import dev.tenantry.shared.Actor;
import dev.tenantry.shared.Actors;
import java.util.Map;
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
 * {@code ./tenantry rotate-secrets} starts the application without a web server, with {@code
 * tenantry.library.rotate-secrets=true} and the service's key configuration; this re-seals every
 * library secret with the current key ({@link SecretRotation}), prints the counts and exits (0
 * done, 1 failed).
 */
@Component
@ConditionalOnProperty(name = "tenantry.library.rotate-secrets", havingValue = "true")
class RotateSecretsCommand implements ApplicationRunner {
  private static final Logger log = LoggerFactory.getLogger(RotateSecretsCommand.class);
  private final SecretRotation rotation;
  private final ConfigurableApplicationContext context;

  RotateSecretsCommand(SecretRotation rotation, ConfigurableApplicationContext context) {
    this.rotation = rotation;
    this.context = context;
  }

  @Override
  public void run(ApplicationArguments args) {
    Actor host =
        new Actor(null, "rotate-secrets (host)", null, "rotate-secrets-" + UUID.randomUUID(), "");
    int code;
    try {
      Map<String, Integer> counts = Actors.runAs(host, rotation::rotate);
      log.warn("rotate-secrets: re-sealed with the current key: {}", counts);
      code = 0;
    } catch (RuntimeException e) {
      log.error("rotate-secrets: failed, nothing changed: {}", e.getMessage());
      code = 1;
    }
    int exit = code;
    System.exit(SpringApplication.exit(context, () -> exit));
  }
}
