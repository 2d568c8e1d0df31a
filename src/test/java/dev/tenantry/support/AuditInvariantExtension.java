package dev.tenantry.support;

import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails the test during which an API call broke the audit invariant of {@link
 * AuditInvariantFilter}.
 */
public class AuditInvariantExtension implements AfterEachCallback {
  @Override
  public void afterEach(ExtensionContext context) {
    List<String> violations = AuditInvariantFilter.drain();
    if (!violations.isEmpty()) {
      throw new AssertionError("Audit invariant broken:\n  " + String.join("\n  ", violations));
    }
  }
}
