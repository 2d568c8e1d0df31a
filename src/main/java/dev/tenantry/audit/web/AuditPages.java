package dev.tenantry.audit.web;

import dev.tenantry.audit.AuditEvent;
import dev.tenantry.audit.AuditLog;
import dev.tenantry.audit.AuditQuery;
import dev.tenantry.audit.AuditVisibility;
import dev.tenantry.shared.UserNames;
import dev.tenantry.shared.web.ConsolePage;
import dev.tenantry.shared.web.Htmx;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit trail: newest first, filterable, with before/after and both identities when
 * impersonated.
 */
@Controller
@ConsolePage
class AuditPages {
  private final AuditLog audit;
  private final UserNames names;
  private final AuditVisibility visibility;

  AuditPages(AuditLog audit, UserNames names, AuditVisibility visibility) {
    this.audit = audit;
    this.names = names;
    this.visibility = visibility;
  }

  @GetMapping("/audit")
  String list(
      @RequestParam(required = false) @Nullable String action,
      @RequestParam(required = false) @Nullable String targetType,
      @RequestParam(required = false) @Nullable UUID actorUserId,
      @RequestParam(required = false) @Nullable UUID tenantId,
      @RequestParam(required = false) @Nullable LocalDate from,
      @RequestParam(required = false) @Nullable LocalDate to,
      @RequestParam(defaultValue = "0") int page,
      HttpServletRequest request,
      Model model) {
    var query =
        new AuditQuery(
            actorUserId,
            tenantId,
            blank(targetType),
            null,
            blank(action),
            from == null ? null : from.atStartOfDay().toInstant(ZoneOffset.UTC),
            to == null ? null : to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC),
            visibility.visibleTenants(),
            Math.max(0, page),
            50);
    var events = audit.list(query);
    Set<UUID> users = new HashSet<>();
    events.items().forEach(e -> addUsers(e, users));
    model.addAttribute("events", events);
    model.addAttribute("names", names.names(users));
    model.addAttribute("filter", new Filter(action, targetType, actorUserId, tenantId, from, to));
    return Htmx.view(request, "audit/events", "results");
  }

  /**
   * The computer page's History section: the computer's own events, newest first, among those the
   * caller may read (tenants where they hold {@code audit:view}).
   */
  @GetMapping("/computers/{id}/history")
  String computerHistory(
      @PathVariable UUID id, @RequestParam(defaultValue = "0") int page, Model model) {
    var query =
        new AuditQuery(
            null,
            null,
            "computer",
            id.toString(),
            null,
            null,
            null,
            visibility.visibleTenants(),
            Math.max(0, page),
            20);
    var events = audit.list(query);
    Set<UUID> users = new HashSet<>();
    events.items().forEach(e -> addUsers(e, users));
    model.addAttribute("events", events);
    model.addAttribute("names", names.names(users));
    return "audit/computer-history";
  }

  private static void addUsers(AuditEvent e, Set<UUID> users) {
    if (e.actorUserId() != null) {
      users.add(e.actorUserId());
    }
    if (e.impersonatorUserId() != null) {
      users.add(e.impersonatorUserId());
    }
  }

  /** The filter as the form shows it. */
  record Filter(
      @Nullable String action,
      @Nullable String targetType,
      @Nullable UUID actorUserId,
      @Nullable UUID tenantId,
      @Nullable LocalDate from,
      @Nullable LocalDate to) {}

  private static @Nullable String blank(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
