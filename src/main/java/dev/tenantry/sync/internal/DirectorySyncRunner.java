package dev.tenantry.sync.internal;

import dev.tenantry.shared.Actor;
import dev.tenantry.shared.Actors;
import dev.tenantry.sync.internal.PeopleBatch.Context;
import dev.tenantry.sync.internal.SyncRunRepository.Counts;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Runs one sync of one tenant: follows {@code @odata.nextLink} from the stored delta link (or a
 * full {@code /users/delta} when there is none, or when Graph answers 410 for it), applies each
 * page in its own short transaction, and stores the new {@code @odata.deltaLink} only when the last
 * page is applied, so a failed run is simply repeated from the previous link. A full sync finally
 * marks the synced people it did not see as removed. Any failure ends this run only.
 */
@Component
class DirectorySyncRunner {
  private static final Logger log = LoggerFactory.getLogger(DirectorySyncRunner.class);
  private final GraphClient graph;
  private final DirectoryLinkRepository links;
  private final SyncRunRepository runs;
  private final PeopleBatch batch;
  private final TransactionTemplate tx;

  DirectorySyncRunner(
      GraphClient graph,
      DirectoryLinkRepository links,
      SyncRunRepository runs,
      PeopleBatch batch,
      TransactionTemplate tx) {
    this.graph = graph;
    this.links = links;
    this.runs = runs;
    this.batch = batch;
    this.tx = tx;
  }

  static String initialPath() {
    return "/users/delta?$select=" + EntraUser.SELECT;
  }

  /** Runs {@code runId} (already started) as {@code actor}; never throws. */
  void run(UUID tenantId, UUID runId, Actor actor) {
    Actors.runAs(
        actor,
        () -> {
          String error = null;
          try {
            sync(tenantId, runId);
          } catch (GraphException e) {
            error = e.getMessage();
          } catch (RuntimeException e) {
            log.warn("Directory sync of tenant {} failed", tenantId, e);
            error = "Internal error: " + e.getClass().getSimpleName();
          }
          String failure = error;
          if (failure != null) {
            log.info("Directory sync run {} of tenant {} failed: {}", runId, tenantId, failure);
          }
          tx.executeWithoutResult(s -> runs.finish(runId, failure));
          return null;
        });
  }

  private void sync(UUID tenantId, UUID runId) {
    UUID tid =
        links
            .azureTenantId(tenantId)
            .orElseThrow(
                () -> new GraphException(0, "notLinked", "The tenant is not linked to Entra"));
    Set<String> domains = new HashSet<>();
    links.link(tenantId).limitToDomains().forEach(d -> domains.add(d.toLowerCase(Locale.ROOT)));
    String link = links.deltaLink(tenantId, tid).orElse(null);
    boolean full = link == null;
    if (full) {
      link = initialPath();
    }
    int pages = 0;
    Counts counts = Counts.ZERO;
    while (true) {
      JsonNode page;
      try {
        page = graph.get(tid, link);
      } catch (GraphException e) {
        if (e.deltaExpired() && !full) {
          log.info("Delta link of tenant {} expired (410): full sync", tenantId);
          full = true;
          link = initialPath();
          continue;
        }
        throw e;
      }
      pages++;
      Context cx = new Context(tenantId, runId, domains, full);
      List<EntraUser> users = new ArrayList<>();
      for (JsonNode n : page.path("value")) {
        EntraUser u = EntraUser.parse(n);
        if (u != null) {
          users.add(u);
        }
        if (users.size() == PeopleBatch.MAX) {
          counts = batch.apply(cx, users, pages, counts);
          users = new ArrayList<>();
        }
      }
      counts = batch.apply(cx, users, pages, counts);
      String next = page.path("@odata.nextLink").asString("");
      if (!next.isEmpty()) {
        link = next;
        continue;
      }
      if (full) {
        int marked;
        do {
          marked = batch.markUnseen(cx, pages, counts);
          counts = counts.plus(new Counts(0, 0, marked, 0));
        } while (marked > 0);
      }
      String delta = page.path("@odata.deltaLink").asString("");
      tx.executeWithoutResult(
          s -> links.saveDeltaLink(tenantId, tid, delta.isEmpty() ? null : delta));
      return;
    }
  }
}
