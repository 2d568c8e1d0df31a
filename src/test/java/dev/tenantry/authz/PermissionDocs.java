package dev.tenantry.authz;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Generates {@code docs/permissions.md} and {@code docs/roles.md} from the code (the code is the
 * source of truth).
 */
final class PermissionDocs {
  static final String REGENERATE =
      "mvn -o test -Dtest='PermissionCatalogueTest,RolesDocTest' -Dregenerate=true";

  private PermissionDocs() {}

  static String permissions() {
    StringBuilder out = new StringBuilder();
    out.append("# Permissions\n\n")
        .append(
            "Generated from `dev.tenantry.authz.Permission` by `PermissionCatalogueTest`; do not edit. Regenerate: `")
        .append(REGENERATE)
        .append("`.\n\n")
        .append(
            "Flags: **S** system (cannot be limited to tenants; decided system-wide), **D** dangerous, ")
        .append("**M** MSP only. Dependencies are advisory: no permission implies another.\n\n")
        .append(Permission.values().length)
        .append(" permissions.\n");
    for (PermissionSubject subject : PermissionSubject.values()) {
      out.append("\n## ").append(subject.displayName()).append("\n\n");
      for (Permission p : Permission.values()) {
        if (p.subject() == subject) {
          out.append("- `")
              .append(p.key())
              .append("` — ")
              .append(p.displayName())
              .append(" (")
              .append(p.category())
              .append(flags(p))
              .append("): ")
              .append(p.description());
          if (!p.dependencies().isEmpty()) {
            out.append(" Needs: ")
                .append(
                    p.dependencies().stream()
                        .map(d -> "`" + d.key() + "`")
                        .collect(Collectors.joining(", ")))
                .append('.');
          }
          out.append('\n');
        }
      }
    }
    return out.toString();
  }

  static String roles() {
    StringBuilder out = new StringBuilder();
    out.append("# Built-in roles and role templates\n\n")
        .append(
            "Generated from `BuiltInRoles` and `RoleTemplates` by `RolesDocTest`; do not edit. Regenerate: `")
        .append(REGENERATE)
        .append("`.\n\n## Built-in roles (read-only, fixed ids)\n");
    BuiltInRoles.ALL.forEach(r -> role(out, r));
    out.append("\n## Templates (cloned into custom roles; never assigned as such)\n");
    RoleTemplates.ALL.forEach(r -> role(out, r));
    return out.toString();
  }

  private static void role(StringBuilder out, RoleDefinition r) {
    out.append("\n### ")
        .append(r.name())
        .append("\n\n`")
        .append(r.id())
        .append("` — ")
        .append(r.description())
        .append("\n\n")
        .append(r.permissions().size())
        .append(" permissions");
    if (r.permissions().size() == Permission.values().length) {
      out.append(" (all).\n");
      return;
    }
    out.append(": ")
        .append(
            Arrays.stream(Permission.values())
                .filter(r.permissions()::contains)
                .map(p -> "`" + p.key() + "`")
                .collect(Collectors.joining(", ")))
        .append(".\n");
  }

  private static String flags(Permission p) {
    String f = (p.system() ? "S" : "") + (p.dangerous() ? "D" : "") + (p.mspOnly() ? "M" : "");
    return f.isEmpty() ? "" : ", " + f;
  }
}
