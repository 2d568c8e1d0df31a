package dev.tenantry.library.internal;

import dev.tenantry.authz.Permission;

/** The kinds of library object and the permissions that govern each (DESIGN §7). */
public enum LibraryKind {
  SCRIPT(
      "script",
      Permission.SCRIPTS_VIEW,
      Permission.SCRIPTS_MANAGE,
      Permission.SCRIPTS_DELETE,
      Permission.SCRIPTS_PUBLISH),
  SOFTWARE(
      "software",
      Permission.SOFTWARE_VIEW,
      Permission.SOFTWARE_MANAGE,
      Permission.SOFTWARE_DELETE,
      Permission.SOFTWARE_PUBLISH),
  TASK(
      "maintenance task",
      Permission.TASKS_VIEW,
      Permission.TASKS_MANAGE,
      Permission.TASKS_DELETE,
      Permission.TASKS_PUBLISH),
  MEDIA(
      "media",
      Permission.MEDIA_VIEW,
      Permission.MEDIA_MANAGE,
      Permission.MEDIA_DELETE,
      Permission.MEDIA_PUBLISH),
  LICENSE(
      "license",
      Permission.LICENSES_VIEW,
      Permission.LICENSES_MANAGE,
      Permission.LICENSES_DELETE,
      Permission.LICENSES_PUBLISH);

  private final String label;
  private final Permission view;
  private final Permission manage;
  private final Permission delete;
  private final Permission publish;

  LibraryKind(
      String label, Permission view, Permission manage, Permission delete, Permission publish) {
    this.label = label;
    this.view = view;
    this.manage = manage;
    this.delete = delete;
    this.publish = publish;
  }

  /** How errors name an object of this kind, e.g. {@code script}. */
  public String label() {
    return label;
  }

  public Permission view() {
    return view;
  }

  public Permission manage() {
    return manage;
  }

  public Permission delete() {
    return delete;
  }

  /** MSP-only: making an object global or visible to all tenants publishes it everywhere. */
  public Permission publish() {
    return publish;
  }

  /** Scripts and tasks may be owned yet readable by every tenant. */
  public boolean sharable() {
    return this == SCRIPT || this == TASK;
  }
}
