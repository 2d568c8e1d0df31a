package dev.tenantry.directory.web;

import dev.tenantry.directory.internal.ComputerService;
import dev.tenantry.directory.internal.ComputerView;
import dev.tenantry.directory.internal.PersonService;
import dev.tenantry.shared.web.ApiException;
import dev.tenantry.shared.web.ConsolePage;
import dev.tenantry.tenancy.Tenants;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A computer's page: what it is (tenant, type, tags, primary person), then its deployments,
 * maintenance sessions, terminal and history. Each of those sections belongs to its own feature and
 * is loaded from that feature's route (htmx asks for the fragment), which checks the caller's
 * rights and shows a feature's buttons only to those who may use them. A computer the caller may
 * not view answers 404 like a random id.
 */
@Controller
@ConsolePage
class ComputerDetailPages {
  private final ComputerService computers;
  private final PersonService people;
  private final Tenants tenants;

  ComputerDetailPages(ComputerService computers, PersonService people, Tenants tenants) {
    this.computers = computers;
    this.people = people;
    this.tenants = tenants;
  }

  @GetMapping("/computers/{id}")
  String computer(@PathVariable UUID id, Model model) {
    ComputerView c = computers.get(id);
    UUID tenantId = c.computer().tenantId();
    model.addAttribute("c", c);
    model.addAttribute(
        "tenantName", tenants.visibleNames(List.of(tenantId)).getOrDefault(tenantId, "?"));
    model.addAttribute("primaryPerson", primaryPerson(c.computer().primaryPersonId()));
    return "directory/computer";
  }

  /** The primary person's name; empty when there is none or the caller may not see them. */
  private Optional<String> primaryPerson(@Nullable UUID personId) {
    if (personId == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(people.get(personId).person().displayName());
    } catch (ApiException e) {
      return Optional.empty(); // 404: a person of a tenant the caller may not view
    }
  }
}
