package dev.tenantry.library.internal;

import dev.tenantry.authz.Permission;
import dev.tenantry.authz.access.Authorizer;
import dev.tenantry.changes.ChangeRequests;
import dev.tenantry.changes.ProposedChange;
import dev.tenantry.shared.Actors;
import dev.tenantry.shared.web.ApiException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Script edits by change-requesters (DESIGN §8, docs/change-requests.md): a caller who may see a
 * script and holds {@code change-requests:create} but not {@code scripts:manage} over its owner (a
 * global script: at OWNER or its MSP) proposes the edit as a {@code script.edit} change request; an
 * approver applies it with their own rights ({@link ScriptChangeApplier}). Everyone else edits
 * directly, or is refused, as before. Secret parameter values never travel in a request.
 */
@Service
public class ScriptEditRequests {
  static final String KIND = "script.edit";
  private final ScriptRepository scripts;
  private final ScriptParameters parameters;
  private final LibraryAccess access;
  private final Authorizer authorizer;
  private final ChangeRequests changeRequests;
  private final JsonMapper json;

  ScriptEditRequests(
      ScriptRepository scripts,
      ScriptParameters parameters,
      LibraryAccess access,
      Authorizer authorizer,
      ChangeRequests changeRequests,
      JsonMapper json) {
    this.scripts = scripts;
    this.parameters = parameters;
    this.access = access;
    this.authorizer = authorizer;
    this.changeRequests = changeRequests;
    this.json = json;
  }

  /** Whether the caller's edits of this visible script become change requests (console editor). */
  @Transactional(readOnly = true)
  public boolean editsBecomeRequests(UUID id) {
    return scripts
        .find(id)
        .filter(s -> access.canView(LibraryKind.SCRIPT, s.ownership()))
        .map(s -> requester(s))
        .orElse(false);
  }

  private boolean requester(ScriptRow s) {
    var target = s.ownership().target();
    return !authorizer.check(Permission.SCRIPTS_MANAGE, target).allowed()
        && authorizer.check(Permission.CHANGE_REQUESTS_CREATE, target).allowed();
  }

  /**
   * Files the edit as a change request when the caller is a change-requester for this script, and
   * returns the request's id; empty when the caller edits (or is refused) the usual way.
   */
  @Transactional
  public Optional<UUID> proposeIfRequester(UUID id, long expectedVersion, ScriptCommands.Save c) {
    Optional<ScriptRow> found = scripts.lock(id);
    if (found.isEmpty() || !access.canView(LibraryKind.SCRIPT, found.get().ownership())) {
      return Optional.empty();
    }
    ScriptRow s = found.get();
    if (!requester(s)) {
      return Optional.empty();
    }
    if (s.version() != expectedVersion) {
      throw ApiException.stale(ScriptService.TYPE, id, expectedVersion, s.version());
    }
    JsonNode after = proposal(c, s);
    ScriptChangeApplier.save(after, json); // the same checks the approval will make
    ScriptVersionRow latest = scripts.version(id, s.latestVersion()).orElseThrow();
    JsonNode before = before(s, latest);
    String summary =
        "Edit script '" + s.name() + "'" + (c.note().isBlank() ? "" : ": " + c.note().strip());
    return Optional.of(
        changeRequests.submit(
            Actors.current(),
            new ProposedChange(KIND, id, s.ownerTenantId(), summary, before, after, s.version())));
  }

  private JsonNode before(ScriptRow s, ScriptVersionRow v) {
    Map<String, Object> m = common(s);
    m.put("name", s.name());
    m.put("description", s.description());
    m.put("category", s.category());
    m.put("language", v.language());
    m.put("ownerTenantId", s.ownerTenantId());
    m.put("global", s.ownerTenantId() == null);
    m.put("visibleToAllTenants", s.visibleToAllTenants());
    m.put("parameters", parameters.declared(v.parameters()));
    m.put("note", "");
    m.put("body", v.body());
    return json.valueToTree(m);
  }

  private JsonNode proposal(ScriptCommands.Save c, ScriptRow s) {
    Map<String, Object> m = common(s);
    m.put("name", c.name());
    m.put("description", c.description());
    m.put("category", c.category());
    m.put("language", c.language());
    m.put(
        "ownerTenantId",
        c.global() ? null : c.ownerTenantId() != null ? c.ownerTenantId() : s.ownerTenantId());
    m.put("global", c.global());
    m.put("visibleToAllTenants", c.visibleToAllTenants());
    m.put("parameters", c.parameters());
    m.put("note", c.note());
    m.put("body", c.body());
    return json.valueToTree(m);
  }

  /** A global script's MSP decides who approves (docs/change-requests.md). */
  private static Map<String, Object> common(ScriptRow s) {
    Map<String, Object> m = new LinkedHashMap<>();
    @Nullable UUID msp = s.ownerTenantId() == null ? s.createdByMspId() : null;
    if (msp != null) {
      m.put("mspId", msp.toString());
    }
    return m;
  }
}
