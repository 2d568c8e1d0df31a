package dev.tenantry.library.internal;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import dev.tenantry.audit.AuditEntry;
import dev.tenantry.audit.AuditLog;
import dev.tenantry.authz.Permission;
import dev.tenantry.authz.access.Authorizer;
import dev.tenantry.shared.Page;
import dev.tenantry.shared.web.ApiException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Script use cases. Every saved change of code, language or parameters adds a version; versions
 * never change, so runs, tasks and deployments that pinned one keep running exactly it.
 */
@Service
public class ScriptService {
  static final String TYPE = "script";
  private static final LibraryKind KIND = LibraryKind.SCRIPT;
  public static final Set<String> LANGUAGES =
      Set.of("POWERSHELL", "COMMAND_LINE", "BASH", "PYTHON");
  private final ScriptRepository scripts;
  private final ScriptParameters parameters;
  private final LibraryAccess access;
  private final Authorizer authorizer;
  private final AuditLog audit;
  private final OwnedObjects owned;
  private final OwnedObjects.Kind<ScriptRow> kind;

  ScriptService(
      ScriptRepository scripts,
      ScriptParameters parameters,
      LibraryAccess access,
      Authorizer authorizer,
      AuditLog audit,
      OwnedObjects owned) {
    this.scripts = scripts;
    this.parameters = parameters;
    this.access = access;
    this.authorizer = authorizer;
    this.audit = audit;
    this.owned = owned;
    this.kind =
        new OwnedObjects.Kind<>(
            KIND,
            "script",
            TYPE,
            scripts::find,
            ScriptRow::ownership,
            ScriptRow::version,
            s -> auditView(s, latest(s), false));
  }

  @Transactional(readOnly = true)
  public Page<ScriptViews.Summary> list(ScriptCommands.Query q) {
    ListSql sql =
        new ListSql("s", access.listFilter(KIND, "s")).common(q.q(), q.ownerTenantId(), q.owner());
    if (q.category() != null && !q.category().isBlank()) {
      sql.and("s.category = :category", "category", q.category());
    }
    if (q.language() != null && !q.language().isBlank()) {
      sql.and("s.language = :language", "language", q.language().toUpperCase());
    }
    return scripts.list(sql, q.sort(), q.page(), q.size()).map(ScriptService::summary);
  }

  @Transactional(readOnly = true)
  public ScriptViews.Detail get(UUID id) {
    ScriptRow s = owned.visible(kind, id, false);
    return detail(s, latest(s));
  }

  @Transactional
  public ScriptViews.Detail create(ScriptCommands.Save c) {
    validate(c);
    Ownership own = access.forCreate(KIND, c.ownerTenantId(), c.global(), c.visibleToAllTenants());
    access.requireTerminalGate(Permission.SCRIPTS_MANAGE, own.target(), access.mspOf(own));
    UUID id = UUID.randomUUID();
    UUID user = authorizer.requireUser();
    ScriptRow row =
        new ScriptRow(
            id,
            own.ownerTenantId(),
            own.createdByMspId(),
            own.visibleToAllTenants(),
            c.name(),
            c.description(),
            c.category(),
            c.language(),
            1,
            java.time.Instant.now(),
            java.time.Instant.now(),
            user,
            0);
    scripts.insert(row);
    ScriptParameters.Stored stored = addVersion(id, 1, c, Map.of(), user);
    ScriptRow created = scripts.find(id).orElseThrow();
    audit.record(
        AuditEntry.created(
            "script.created",
            TYPE,
            id,
            own.ownerTenantId(),
            auditView(created, latest(created), stored.secretsChanged())));
    return detail(created, latest(created));
  }

  @Transactional
  public ScriptViews.Detail update(UUID id, long expectedVersion, ScriptCommands.Save c) {
    return update(id, expectedVersion, c, Map.of());
  }

  /**
   * As {@link #update(UUID, long, ScriptCommands.Save)}; {@code provenance} joins the audit event
   * (an approved change request names itself, its author and its approver).
   */
  @Transactional
  ScriptViews.Detail update(
      UUID id, long expectedVersion, ScriptCommands.Save c, Map<String, Object> provenance) {
    validate(c);
    ScriptRow before = owned.visible(kind, id, true);
    Ownership own =
        access.forChange(
            KIND, before.ownership(), c.ownerTenantId(), c.global(), c.visibleToAllTenants());
    access.requireTerminalGate(
        Permission.SCRIPTS_MANAGE, before.ownership().target(), access.mspOf(before.ownership()));
    if (before.version() != expectedVersion) {
      throw ApiException.stale(TYPE, id, expectedVersion, before.version());
    }
    ScriptVersionRow latest = latest(before);
    Map<String, String> previousSecrets = parameters.secrets(latest);
    List<ScriptParameter> previous = parameters.declared(latest.parameters());
    boolean codeChanged =
        !latest.body().equals(c.body())
            || !latest.language().equals(c.language())
            || !sameDeclarations(previous, c.parameters())
            || c.parameters().stream().anyMatch(p -> p.secret() && p.defaultValue() != null);
    int number = before.latestVersion();
    boolean secretsChanged = false;
    if (codeChanged) {
      number++;
      secretsChanged =
          addVersion(id, number, c, previousSecrets, authorizer.requireUser()).secretsChanged();
    }
    ScriptRow after =
        new ScriptRow(
            id,
            own.ownerTenantId(),
            own.createdByMspId(),
            own.visibleToAllTenants(),
            c.name(),
            c.description(),
            c.category(),
            c.language(),
            number,
            before.createdAt(),
            before.updatedAt(),
            before.createdBy(),
            before.version());
    scripts.update(after);
    ScriptRow saved = scripts.find(id).orElseThrow();
    audit.record(
        new AuditEntry(
            "script.updated",
            TYPE,
            id.toString(),
            own.ownerTenantId() != null ? own.ownerTenantId() : before.ownerTenantId(),
            auditView(before, latest, false),
            withProvenance(auditView(saved, latest(saved), secretsChanged), provenance)));
    return detail(saved, latest(saved));
  }

  @Transactional
  public void delete(UUID id, @Nullable Long expectedVersion) {
    ScriptRow s = owned.visible(kind, id, true);
    access.requireDelete(KIND, s.ownership());
    access.requireTerminalGate(
        Permission.SCRIPTS_MANAGE, s.ownership().target(), access.mspOf(s.ownership()));
    if (expectedVersion != null && expectedVersion != s.version()) {
      throw ApiException.stale(TYPE, id, expectedVersion, s.version());
    }
    Object before = auditView(s, latest(s), false);
    scripts.softDelete(id);
    audit.record(AuditEntry.deleted("script.deleted", TYPE, id, s.ownerTenantId(), before));
  }

  @Transactional(readOnly = true)
  public List<ScriptViews.VersionSummary> versions(UUID id) {
    owned.visible(kind, id, false);
    return scripts.versions(id).stream()
        .map(
            v ->
                new ScriptViews.VersionSummary(
                    v.id(), v.number(), v.note(), v.createdAt(), v.createdBy()))
        .toList();
  }

  @Transactional(readOnly = true)
  public ScriptViews.Version version(UUID id, int number) {
    owned.visible(kind, id, false);
    return versionView(
        scripts
            .version(id, number)
            .orElseThrow(() -> ApiException.notFound("script version", id + "/" + number)));
  }

  /** The secret parameter defaults of a version: only over the owner's manage scope. */
  @Transactional(readOnly = true)
  public Map<String, String> secrets(UUID id, int number) {
    ScriptRow s = owned.visible(kind, id, false);
    if (!access.canReadSecrets(KIND, s.ownership())) {
      throw ApiException.forbidden(
          "Secret parameters are readable only with '"
              + KIND.manage().key()
              + "' over the script's owner");
    }
    return parameters.secrets(
        scripts
            .version(id, number)
            .orElseThrow(() -> ApiException.notFound("script version", id + "/" + number)));
  }

  @Transactional(readOnly = true)
  public ScriptViews.Diff diff(UUID id, int from, int to) {
    owned.visible(kind, id, false);
    ScriptVersionRow a =
        scripts
            .version(id, from)
            .orElseThrow(() -> ApiException.notFound("script version", id + "/" + from));
    ScriptVersionRow b =
        scripts
            .version(id, to)
            .orElseThrow(() -> ApiException.notFound("script version", id + "/" + to));
    List<String> left = a.body().lines().toList();
    List<String> right = b.body().lines().toList();
    List<String> unified =
        UnifiedDiffUtils.generateUnifiedDiff(
            "v" + from, "v" + to, left, DiffUtils.diff(left, right), 3);
    List<ScriptViews.DiffLine> lines = new ArrayList<>();
    for (String line : unified) {
      if (line.startsWith("---")
          || line.startsWith("+++")
          || line.startsWith("@@")
          || line.isEmpty()) {
        continue;
      }
      lines.add(new ScriptViews.DiffLine(line.charAt(0), line.substring(1)));
    }
    return new ScriptViews.Diff(from, to, String.join("\n", unified), lines);
  }

  /** A version by id with its script, for runs and tasks (visibility checked by the caller). */
  ScriptVersionRow versionRow(UUID versionId) {
    return scripts
        .versionById(versionId)
        .orElseThrow(() -> ApiException.notFound("script version", versionId));
  }

  ScriptRow visibleScript(UUID id) {
    return owned.visible(kind, id, false);
  }

  ScriptVersionRow latest(ScriptRow s) {
    return scripts.version(s.id(), s.latestVersion()).orElseThrow();
  }

  private ScriptParameters.Stored addVersion(
      UUID scriptId,
      int number,
      ScriptCommands.Save c,
      Map<String, String> previousSecrets,
      UUID user) {
    UUID versionId = UUID.randomUUID();
    ScriptParameters.Stored stored =
        parameters.store(c.parameters(), previousSecrets, versionId.toString());
    scripts.insertVersion(
        new ScriptVersionRow(
            versionId,
            scriptId,
            number,
            c.language(),
            c.body(),
            stored.parametersJson(),
            stored.secretDefaults(),
            c.note(),
            java.time.Instant.now(),
            user));
    return stored;
  }

  private static void validate(ScriptCommands.Save c) {
    if (!LANGUAGES.contains(c.language())) {
      throw ApiException.invalid("language: one of " + LANGUAGES);
    }
  }

  /** Same declarations, ignoring secret values (which are never sent back). */
  private static boolean sameDeclarations(
      List<ScriptParameter> stored, List<ScriptParameter> sent) {
    if (stored.size() != sent.size()) {
      return false;
    }
    for (int i = 0; i < stored.size(); i++) {
      ScriptParameter a = stored.get(i);
      ScriptParameter b = sent.get(i);
      if (!a.name().equals(b.name())
          || !a.type().equalsIgnoreCase(b.type())
          || a.required() != b.required()
          || a.secret() != b.secret()
          || !a.description().equals(b.description())
          || !a.secret() && !java.util.Objects.equals(a.defaultValue(), b.defaultValue())) {
        return false;
      }
    }
    return true;
  }

  private ScriptViews.Detail detail(ScriptRow s, ScriptVersionRow v) {
    return new ScriptViews.Detail(
        s.id(),
        s.name(),
        s.description(),
        s.category(),
        s.language(),
        s.ownerTenantId(),
        s.ownerTenantId() == null,
        s.visibleToAllTenants(),
        s.latestVersion(),
        v.id(),
        v.body(),
        parameters.declared(v.parameters()),
        access.canManage(KIND, s.ownership()),
        s.createdAt(),
        s.updatedAt(),
        s.version());
  }

  private ScriptViews.Version versionView(ScriptVersionRow v) {
    return new ScriptViews.Version(
        v.id(),
        v.scriptId(),
        v.number(),
        v.language(),
        v.body(),
        parameters.declared(v.parameters()),
        v.note(),
        v.createdAt(),
        v.createdBy());
  }

  static ScriptViews.Summary summary(ScriptRow s) {
    return new ScriptViews.Summary(
        s.id(),
        s.name(),
        s.category(),
        s.language(),
        s.ownerTenantId(),
        s.ownerTenantId() == null,
        s.visibleToAllTenants(),
        s.latestVersion(),
        s.updatedAt(),
        s.version());
  }

  /** The audit payload: never a secret value, only whether secrets changed. */
  private Map<String, Object> auditView(ScriptRow s, ScriptVersionRow v, boolean secretsChanged) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", s.name());
    m.put("description", s.description());
    m.put("category", s.category());
    m.put("language", s.language());
    m.put("ownerTenantId", s.ownerTenantId() == null ? "global" : s.ownerTenantId().toString());
    m.put("visibleToAllTenants", s.visibleToAllTenants());
    m.put("latestVersion", s.latestVersion());
    m.put("bodySha256", sha256(v.body()));
    m.put("bodyLength", v.body().length());
    m.put("parameters", parameters.declared(v.parameters()));
    if (secretsChanged) {
      m.put("secretParameters", "changed");
    }
    return m;
  }

  private static Map<String, Object> withProvenance(
      Map<String, Object> view, Map<String, Object> provenance) {
    view.putAll(provenance);
    return view;
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  OwnedObjects.Kind<ScriptRow> kind() {
    return kind;
  }
}
