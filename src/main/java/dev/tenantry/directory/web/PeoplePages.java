package dev.tenantry.directory.web;

import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Target;
import dev.tenantry.authz.access.Authorizer;
import dev.tenantry.directory.PersonSource;
import dev.tenantry.directory.internal.AzureSyncedFields;
import dev.tenantry.directory.internal.PersonCommands;
import dev.tenantry.directory.internal.PersonQuery;
import dev.tenantry.directory.internal.PersonService;
import dev.tenantry.shared.web.ApiException;
import dev.tenantry.shared.web.ConsolePage;
import dev.tenantry.shared.web.Htmx;
import dev.tenantry.shared.web.ListPager;
import dev.tenantry.tenancy.TenantView;
import dev.tenantry.tenancy.Tenants;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** People, optionally of one tenant, searchable; a person's page edits names, e-mail and tags. */
@Controller
@ConsolePage
class PeoplePages {
  private final PersonService people;
  private final Tenants tenants;
  private final Authorizer authorizer;

  PeoplePages(PersonService people, Tenants tenants, Authorizer authorizer) {
    this.authorizer = authorizer;
    this.people = people;
    this.tenants = tenants;
  }

  @GetMapping("/people")
  String list(
      @RequestParam(required = false) @Nullable UUID tenantId,
      @RequestParam(required = false) @Nullable String q,
      HttpServletRequest request,
      Model model) {
    var asked = ListPager.asked(request);
    var found =
        people.list(new PersonQuery(tenantId, q, null, asked.page(), asked.size(), asked.after()));
    var shown = found.items();
    model.addAttribute("pager", ListPager.of(request, found));
    Map<UUID, String> names =
        tenants.visibleNames(shown.stream().map(p -> p.person().tenantId()).toList());
    model.addAttribute("people", shown);
    model.addAttribute("tenantNames", names);
    model.addAttribute(
        "tenantLabel",
        tenantId == null ? "" : tenants.visibleNames(List.of(tenantId)).get(tenantId));
    model.addAttribute("tenantId", tenantId);
    model.addAttribute("q", q == null ? "" : q);
    return Htmx.view(request, "directory/people", "results");
  }

  @GetMapping("/people/{id}")
  String person(@PathVariable UUID id, Model model) {
    var view = people.get(id);
    var p = view.person();
    model.addAttribute("p", view);
    model.addAttribute("tenant", tenants.find(p.tenantId()).map(TenantView::name).orElse("?"));
    model.addAttribute("synced", AzureSyncedFields.of(p));
    model.addAttribute("azure", p.source() == PersonSource.AZURE);
    model.addAttribute(
        "canManage",
        authorizer.check(Permission.PEOPLE_MANAGE, Target.tenant(p.tenantId())).allowed());
    model.addAttribute(
        "canTag", authorizer.check(Permission.TAGS_ASSIGN, Target.tenant(p.tenantId())).allowed());
    return "directory/person";
  }

  /** What the edit form sent, shown again when the service refuses it. */
  record PersonForm(String givenName, String familyName, String email, String azureObjectId) {}

  @PostMapping("/people/{id}")
  String save(
      @PathVariable UUID id,
      @RequestParam long version,
      @RequestParam(defaultValue = "") String givenName,
      @RequestParam(defaultValue = "") String familyName,
      @RequestParam(defaultValue = "") String email,
      @RequestParam(defaultValue = "") String azureObjectId,
      Model model,
      RedirectAttributes flash) {
    try {
      if (givenName.isBlank()) {
        throw ApiException.invalid("givenName: must not be blank");
      }
      if (!azureObjectId.isBlank() && !azureObjectId.strip().matches(Guid.PATTERN)) {
        throw ApiException.invalid("azureObjectId: " + Guid.MESSAGE);
      }
      var changed =
          people.update(
              id,
              new PersonCommands.Update(
                  null,
                  givenName.strip(),
                  familyName.strip(),
                  email.strip(),
                  Guid.parse(azureObjectId.isBlank() ? null : azureObjectId.strip()),
                  version));
      flash.addFlashAttribute("notice", "Saved");
      flash.addFlashAttribute("warnings", changed.warnings());
      return "redirect:/people/" + id;
    } catch (ApiException e) {
      model.addAttribute("error", e.getMessage());
      model.addAttribute("form", new PersonForm(givenName, familyName, email, azureObjectId));
      return person(id, model);
    }
  }

  @PostMapping("/people/{id}/tags")
  String tag(
      @PathVariable UUID id,
      @RequestParam UUID tagId,
      @RequestParam(defaultValue = "true") boolean add,
      RedirectAttributes flash) {
    try {
      people.tag(id, tagId, add);
      flash.addFlashAttribute("notice", add ? "Tag added" : "Tag removed");
    } catch (ApiException e) {
      flash.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/people/" + id;
  }
}
