package dev.tenantry.sync.internal;

import dev.tenantry.audit.AuditEntry;
import dev.tenantry.audit.AuditLog;
import dev.tenantry.shared.Actor;
import dev.tenantry.shared.Actors;
import dev.tenantry.shared.web.ApiException;
import dev.tenantry.sync.DirectoryLink;
import dev.tenantry.sync.SyncRun;
import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts directory syncs (one at a time per tenant, on any node) and reads their state. A manual
 * run goes on in the background and reports progress in its run row; a scheduled run runs on the
 * scheduler's thread. Each run's events carry the requester as actor and the run as request id.
 */
@Service
public class DirectorySyncs {
  private static final Pattern DOMAIN =
      Pattern.compile("^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$");
  private final SyncRunRepository runs;
  private final DirectoryLinkRepository links;
  private final DirectorySyncRunner runner;
  private final TransactionTemplate tx;
  private final AuditLog audit;
  private final ExecutorService background =
      Executors.newFixedThreadPool(2, Thread.ofVirtual().name("directory-sync-", 0).factory());

  DirectorySyncs(
      SyncRunRepository runs,
      DirectoryLinkRepository links,
      DirectorySyncRunner runner,
      TransactionTemplate tx,
      AuditLog audit) {
    this.runs = runs;
    this.links = links;
    this.runner = runner;
    this.tx = tx;
    this.audit = audit;
  }

  /** Starts a run now in the background; 409 while one is running, 409 when not linked. */
  public SyncRun startNow(UUID tenantId) {
    Actor requester = Actors.current();
    UUID runId =
        tx.execute(
            s -> {
              if (links.azureTenantId(tenantId).isEmpty()) {
                throw ApiException.conflict("The tenant is not linked to an Entra tenant");
              }
              UUID id = begin(tenantId, "MANUAL", requester);
              audit.record(
                  AuditEntry.event(
                      "directory-sync.requested",
                      "tenant",
                      tenantId,
                      tenantId,
                      Map.of("runId", id)));
              return id;
            });
    background.submit(() -> runner.run(tenantId, runId, runActor(requester, runId)));
    return runs.find(runId).orElseThrow();
  }

  /** Runs a scheduled sync of the tenant on this thread; false when one is already running. */
  boolean runScheduled(UUID tenantId) {
    Optional<UUID> runId =
        Optional.ofNullable(
            tx.execute(
                s -> {
                  runs.failAbandoned(tenantId);
                  return runs.start(tenantId, "SCHEDULE", null).orElse(null);
                }));
    runId.ifPresent(id -> runner.run(tenantId, id, runActor(Actor.SYSTEM, id)));
    return runId.isPresent();
  }

  public List<SyncRun> recent(UUID tenantId, int n) {
    return runs.recent(tenantId, n);
  }

  public Optional<SyncRun> run(UUID tenantId, UUID runId) {
    return runs.find(runId).filter(r -> r.tenantId().equals(tenantId));
  }

  public DirectoryLink link(UUID tenantId) {
    return links.link(tenantId);
  }

  /** Sets the domains the sync is limited to (lower-cased, checked); audited. */
  public DirectoryLink limitDomains(UUID tenantId, List<String> domains) {
    List<String> clean = new ArrayList<>();
    for (String d : domains) {
      String v = d.strip().toLowerCase(Locale.ROOT);
      if (v.isEmpty()) {
        continue;
      }
      if (!DOMAIN.matcher(v).matches()) {
        throw ApiException.invalid("'" + d + "' is not a domain name");
      }
      if (!clean.contains(v)) {
        clean.add(v);
      }
    }
    if (clean.size() > 100) {
      throw ApiException.invalid("At most 100 domains");
    }
    return tx.execute(
        s -> {
          DirectoryLink before = links.link(tenantId);
          if (before.limitToDomains().equals(clean)) {
            return before;
          }
          links.saveDomains(tenantId, clean);
          DirectoryLink after = links.link(tenantId);
          audit.record(
              AuditEntry.changed(
                  "directory-sync.domains-changed", "tenant", tenantId, tenantId, before, after));
          return after;
        });
  }

  private UUID begin(UUID tenantId, String trigger, Actor requester) {
    runs.failAbandoned(tenantId);
    return runs.start(tenantId, trigger, requester.userId())
        .orElseThrow(() -> ApiException.conflict("A sync of this tenant is already running"));
  }

  private static Actor runActor(Actor requester, UUID runId) {
    return new Actor(
        requester.userId(),
        "directory-sync" + (requester.isSystem() ? "" : " for " + requester.label()),
        requester.impersonatorUserId(),
        "sync-" + runId,
        "");
  }

  @PreDestroy
  void stop() {
    background.shutdownNow();
  }
}
