package dev.tenantry.authz.web;

import dev.tenantry.authz.Permission;
import dev.tenantry.authz.PermissionSubject;
import java.util.Arrays;
import java.util.List;

/** The permission catalogue grouped by subject, for the role editor. */
record PermissionGroups(PermissionSubject subject, List<Permission> permissions) {

  static List<PermissionGroups> all() {
    return Arrays.stream(PermissionSubject.values())
        .map(
            s ->
                new PermissionGroups(
                    s, Arrays.stream(Permission.values()).filter(p -> p.subject() == s).toList()))
        .filter(g -> !g.permissions().isEmpty())
        .toList();
  }

  /** The value of data-group on a subject's checkboxes. */
  public String group() {
    return "perm-" + subject.name().toLowerCase();
  }
}
