package dev.tenantry.library.internal;

import dev.tenantry.audit.AuditEntry;
import dev.tenantry.audit.AuditLog;
import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Target;
import dev.tenantry.authz.access.Authorizer;
import dev.tenantry.authz.access.SqlPredicate;
import dev.tenantry.directory.Computer;
import dev.tenantry.directory.Computers;
import dev.tenantry.shared.Page;
import dev.tenantry.shared.web.ApiException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Running a script on a computer (terminal, DESIGN §7): needs scripts:run on the computer, view on
 * the script and, while the preference is off, to be an admin who is an MSP user (or to hold the
 * Computer Terminal User role there). The run records the exact script version and parameters and
 * waits for an executor. Runs are seen with terminal:view-history on the computer, or by who asked.
 */
@Service
public class RunService {
  static final String TYPE = "script-run";
  private final RunRepository runs;
  private final ScriptService scripts;
  private final ScriptParameters parameters;
  private final Computers computers;
  private final LibraryAccess access;
  private final Authorizer authorizer;
  private final SecretBox box;
  private final JsonMapper json;
  private final AuditLog audit;

  RunService(
      RunRepository runs,
      ScriptService scripts,
      ScriptParameters parameters,
      Computers computers,
      LibraryAccess access,
      Authorizer authorizer,
      SecretBox box,
      JsonMapper json,
      AuditLog audit) {
    this.runs = runs;
    this.scripts = scripts;
    this.parameters = parameters;
    this.computers = computers;
    this.access = access;
    this.authorizer = authorizer;
    this.box = box;
    this.json = json;
    this.audit = audit;
  }

  @Transactional
  public RunViews.Run request(UUID computerId, UUID scriptId, Map<String, String> given) {
    Computer c = visibleComputer(computerId);
    ScriptRow script = scripts.visibleScript(scriptId);
    authorizer.require(Permission.SCRIPTS_RUN, Target.computer(computerId));
    access.requireTerminalGate(
        Permission.SCRIPTS_RUN, Target.computer(computerId), access.tenantMsp(c.tenantId()));
    ScriptVersionRow version = scripts.latest(script);
    Map<String, String> open = new LinkedHashMap<>();
    Map<String, String> secret = new LinkedHashMap<>();
    Map<String, String> secretDefaults = parameters.secrets(version);
    Map<String, String> remaining = new HashMap<>(given);
    for (ScriptParameter p : parameters.declared(version.parameters())) {
      String value = remaining.remove(p.name());
      if (value == null) {
        value = p.secret() ? secretDefaults.get(p.name()) : p.defaultValue();
      }
      if (value == null) {
        if (p.required()) {
          throw ApiException.invalid("parameters: '" + p.name() + "' is required");
        }
        continue;
      }
      (p.secret() ? secret : open).put(p.name(), value);
    }
    if (!remaining.isEmpty()) {
      throw ApiException.invalid("parameters: the script declares no " + remaining.keySet());
    }
    UUID id = UUID.randomUUID();
    byte[] sealed =
        secret.isEmpty() ? null : box.sealText(json.writeValueAsString(secret), id.toString());
    runs.insert(id, computerId, scriptId, version.id(), open, sealed, authorizer.requireUser());
    RunViews.Run run = runs.find(id, false).orElseThrow().view();
    audit.record(AuditEntry.created("script-run.requested", TYPE, id, c.tenantId(), run));
    return run;
  }

  @Transactional(readOnly = true)
  public RunViews.Run get(UUID id) {
    return visible(id, false).view();
  }

  @Transactional(readOnly = true)
  public Page<RunViews.Run> list(@Nullable UUID computerId, int page, int size) {
    UUID me = authorizer.requireUser();
    SqlPredicate history = authorizer.computers(Permission.TERMINAL_VIEW_HISTORY).sql("c", "hist");
    SqlPredicate view = authorizer.computers(Permission.COMPUTERS_VIEW).sql("c", "cview");
    Map<String, Object> params = new HashMap<>(history.params());
    params.putAll(view.params());
    params.put("me", me);
    SqlPredicate visible =
        new SqlPredicate(
            "(" + view.sql() + ") and ((" + history.sql() + ") or r.requested_by = :me)", params);
    return new Page<>(
        runs.list(visible, computerId, page, size).stream().map(RunRepository.Row::view).toList(),
        page,
        size,
        runs.count(visible, computerId));
  }

  @Transactional(readOnly = true)
  public RunViews.Output output(UUID id, int after) {
    RunViews.Run run = visible(id, false).view();
    return new RunViews.Output(id, run.status(), run.exitCode(), runs.output(id, after, 1000));
  }

  @Transactional
  public RunViews.Run cancel(UUID id) {
    RunRepository.Row before = visible(id, true);
    authorizer.require(Permission.SCRIPTS_RUN, Target.computer(before.view().computerId()));
    String status = before.view().status();
    if (!status.equals("PENDING") && !status.equals("RUNNING")) {
      throw ApiException.conflict("Run " + id + " has already ended (" + status + ")");
    }
    runs.finish(id, "CANCELLED", null, authorizer.requireUser());
    RunViews.Run after = runs.find(id, false).orElseThrow().view();
    audit.record(
        AuditEntry.changed(
            "script-run.cancelled", TYPE, id, after.tenantId(), before.view(), after));
    return after;
  }

  /**
   * Whether the caller may run scripts on the computer (the console's "Run a script"): the run
   * permission there and the terminal preference's gate, as {@link #request} asks.
   */
  @Transactional(readOnly = true)
  public boolean canRun(UUID computerId) {
    Computer c = visibleComputer(computerId);
    Target target = Target.computer(computerId);
    if (!authorizer.check(Permission.SCRIPTS_RUN, target).allowed()) {
      return false;
    }
    try {
      access.requireTerminalGate(Permission.SCRIPTS_RUN, target, access.tenantMsp(c.tenantId()));
      return true;
    } catch (ApiException e) {
      return false;
    }
  }

  private RunRepository.Row visible(UUID id, boolean lock) {
    RunRepository.Row r = runs.find(id, lock).orElseThrow(() -> ApiException.notFound(TYPE, id));
    UUID computer = r.view().computerId();
    boolean mine =
        authorizer.currentUserId().map(u -> u.equals(r.view().requestedBy())).orElse(false);
    if (!authorizer.check(Permission.COMPUTERS_VIEW, Target.computer(computer)).allowed()
        || !mine
            && !authorizer
                .check(Permission.TERMINAL_VIEW_HISTORY, Target.computer(computer))
                .allowed()) {
      throw ApiException.notFound(TYPE, id);
    }
    return r;
  }

  private Computer visibleComputer(UUID id) {
    Computer c = computers.find(id).orElseThrow(() -> ApiException.notFound("computer", id));
    authorizer.requireVisible(Permission.COMPUTERS_VIEW, Target.computer(id), "computer", id);
    return c;
  }
}
