package dev.tenantry.web;

import dev.tenantry.authz.AccessChangeList;
import dev.tenantry.authz.AccessGain;
import dev.tenantry.shared.ComputerLookup;
import dev.tenantry.shared.TenantLookup;
import dev.tenantry.shared.UserNames;
import dev.tenantry.shared.web.ApiException;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The confirmation page of a structural change (DESIGN §3.10) in pages of {@link #SIZE}: who gains
 * which permission, summarised per (principal, permission) with counts, and the list's rows. The
 * list the change answered with (the API's: at most {@link AccessChangeList#LIMIT} rows, the counts
 * and the digest over all of them) is kept in the caller's session under its digest, so that the
 * next pages come from the list the caller is confirming, never from a recomputed one. Names are
 * looked up for the rows of the page shown, and only those the caller may see.
 */
@Component
class AccessChangeTables {
  static final int SIZE = 50;

  /** At most this many lists are kept per session (the newest). */
  static final int KEPT = 3;

  private static final String ATTRIBUTE = "tenantry.accessChanges";
  private final UserNames users;
  private final TenantLookup tenants;
  private final ComputerLookup computers;

  AccessChangeTables(UserNames users, TenantLookup tenants, ComputerLookup computers) {
    this.users = users;
    this.tenants = tenants;
    this.computers = computers;
  }

  /** One listed row, kept in the session. */
  record Row(
      String principalType,
      UUID principalId,
      String scope,
      String subject,
      String targetType,
      UUID targetId,
      boolean newTarget,
      List<String> permissions,
      int users)
      implements Serializable {
    static Row of(AccessGain g) {
      return new Row(
          g.principalType(),
          g.principalId(),
          g.scope(),
          g.subject().name(),
          g.targetType(),
          g.targetId(),
          g.newTarget(),
          List.copyOf(g.permissions()),
          g.users());
    }
  }

  /**
   * Who gains one permission, over the listed rows: on how many tenants and computers, and (the
   * most) users through one row.
   */
  record SummaryRow(
      String principalType,
      UUID principalId,
      String permission,
      int tenants,
      int computers,
      int users) {}

  /** One page of a table, with the names of what it shows. */
  record Table<T>(List<T> items, int page, int pages, int total, Map<String, String> labels) {}

  /** Keeps the list in the session (under its digest) for the next pages. */
  void remember(HttpSession session, AccessChangeList list) {
    Map<String, ArrayList<Row>> kept = new LinkedHashMap<>(stored(session));
    kept.remove(list.digest());
    ArrayList<Row> rows = new ArrayList<>(list.rows().stream().map(Row::of).toList());
    kept.put(list.digest(), rows);
    while (kept.size() > KEPT) {
      kept.remove(kept.keySet().iterator().next());
    }
    session.setAttribute(ATTRIBUTE, new LinkedHashMap<>(kept));
  }

  /** The rows of a list this session was shown; 404 otherwise (expired, or never shown here). */
  List<Row> rows(HttpSession session, String digest) {
    List<Row> rows = stored(session).get(digest);
    if (rows == null) {
      throw ApiException.notFound("Access change list", digest);
    }
    return rows;
  }

  /** Puts the first page of both tables in the model. */
  void firstPages(Model model, List<Row> rows) {
    model.addAttribute("summary", summary(rows, 0));
    model.addAttribute("details", details(rows, 0));
  }

  Table<SummaryRow> summary(List<Row> rows, int page) {
    Map<String, int[]> counts = new TreeMap<>();
    Map<String, SummaryRow> keys = new HashMap<>();
    for (Row r : rows) {
      for (String p : r.permissions()) {
        String key = r.principalType() + "|" + r.principalId() + "|" + p;
        int[] c = counts.computeIfAbsent(key, k -> new int[3]);
        c["TENANT".equals(r.targetType()) ? 0 : 1]++;
        c[2] = Math.max(c[2], r.users());
        keys.putIfAbsent(key, new SummaryRow(r.principalType(), r.principalId(), p, 0, 0, 0));
      }
    }
    List<SummaryRow> all = new ArrayList<>();
    counts.forEach(
        (key, c) -> {
          SummaryRow k = keys.get(key);
          all.add(
              new SummaryRow(k.principalType(), k.principalId(), k.permission(), c[0], c[1], c[2]));
        });
    List<SummaryRow> shown = window(all, page);
    List<UUID> userIds =
        shown.stream()
            .filter(s -> "USER".equals(s.principalType()))
            .map(SummaryRow::principalId)
            .toList();
    return new Table<>(
        shown,
        clamp(page, all.size()),
        pages(all.size()),
        all.size(),
        labels(userIds, List.of(), List.of()));
  }

  Table<Row> details(List<Row> rows, int page) {
    List<Row> shown = window(rows, page);
    return new Table<>(
        shown, clamp(page, rows.size()), pages(rows.size()), rows.size(), labels(shown));
  }

  /** Names of the principals and targets of the shown rows that the caller may see. */
  private Map<String, String> labels(List<Row> shown) {
    List<UUID> userIds = new ArrayList<>();
    List<UUID> tenantIds = new ArrayList<>();
    List<UUID> computerIds = new ArrayList<>();
    for (Row r : shown) {
      if ("USER".equals(r.principalType())) {
        userIds.add(r.principalId());
      }
      if (!r.newTarget()) {
        ("TENANT".equals(r.targetType()) ? tenantIds : computerIds).add(r.targetId());
      }
    }
    return labels(userIds, tenantIds, computerIds);
  }

  private Map<String, String> labels(
      List<UUID> userIds, List<UUID> tenantIds, List<UUID> computerIds) {
    Map<String, String> out = new HashMap<>();
    if (!userIds.isEmpty()) {
      users.visibleNames(userIds).forEach((id, name) -> out.put(id.toString(), name));
    }
    if (!tenantIds.isEmpty()) {
      tenants.visibleNames(tenantIds).forEach((id, name) -> out.put(id.toString(), name));
    }
    if (!computerIds.isEmpty()) {
      computers.names(computerIds).forEach((id, name) -> out.put(id.toString(), name));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, ArrayList<Row>> stored(HttpSession session) {
    Object kept = session.getAttribute(ATTRIBUTE);
    return kept instanceof Map<?, ?> m ? (Map<String, ArrayList<Row>>) m : Map.of();
  }

  private static <T> List<T> window(List<T> all, int page) {
    int from = clamp(page, all.size()) * SIZE;
    return List.copyOf(all.subList(from, Math.min(all.size(), from + SIZE)));
  }

  private static int pages(int total) {
    return Math.max(1, (total + SIZE - 1) / SIZE);
  }

  private static int clamp(int page, int total) {
    return Math.max(0, Math.min(page, pages(total) - 1));
  }
}
