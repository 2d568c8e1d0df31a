package dev.tenantry.directory.web;

import dev.tenantry.directory.internal.PersonQuery;
import dev.tenantry.directory.internal.PersonService;
import dev.tenantry.shared.web.ConsolePage;
import dev.tenantry.shared.web.Htmx;
import dev.tenantry.tenancy.TenantView;
import dev.tenantry.tenancy.Tenants;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** People, optionally of one tenant, searchable. */
@Controller
@ConsolePage
class PeoplePages {
  private final PersonService people;
  private final Tenants tenants;

  PeoplePages(PersonService people, Tenants tenants) {
    this.people = people;
    this.tenants = tenants;
  }

  @GetMapping("/people")
  String list(@RequestParam(required = false) @Nullable UUID tenantId,
      @RequestParam(required = false) @Nullable String q, HttpServletRequest request, Model model) {
    var visible = tenants.visibleToCaller();
    Map<UUID, String> names = visible.stream().collect(Collectors.toMap(TenantView::id, TenantView::name));
    model.addAttribute("people", people.list(new PersonQuery(tenantId, q, null, 0, 500)).items());
    model.addAttribute("tenants", visible);
    model.addAttribute("tenantNames", names);
    model.addAttribute("tenantId", tenantId);
    model.addAttribute("q", q == null ? "" : q);
    return Htmx.view(request, "directory/people", "results");
  }
}
