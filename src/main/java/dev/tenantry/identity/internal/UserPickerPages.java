package dev.tenantry.identity.internal;

import dev.tenantry.authz.Permission;
import dev.tenantry.authz.access.Authorizer;
import dev.tenantry.shared.UserNames;
import dev.tenantry.shared.web.ConsolePage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Picker options of users (those the caller may see, by name or e-mail) and of promotable people
 * (an Azure Object ID, not yet a user, in a tenant where the caller may manage users).
 */
@Controller
@ConsolePage
class UserPickerPages {
  static final int OPTIONS = 20;
  private final UserNames users;
  private final People people;
  private final Authorizer authorizer;

  UserPickerPages(UserNames users, People people, Authorizer authorizer) {
    this.users = users;
    this.people = people;
    this.authorizer = authorizer;
  }

  @GetMapping("/pickers/users")
  String users(@RequestParam(defaultValue = "") String q, Model model) {
    model.addAttribute("options", users.searchVisible(q.strip(), OPTIONS));
    return "shared/picker :: options";
  }

  @GetMapping("/pickers/promotable-people")
  String promotable(@RequestParam(defaultValue = "") String q, Model model) {
    var found =
        people.promotableMatching(authorizer.tenants(Permission.USERS_MANAGE), q.strip(), OPTIONS);
    Map<UUID, String> options = new LinkedHashMap<>();
    for (People.PersonRow p : found) { // the name, as typed; e-mail when there is no name
      String name = (p.givenName() + " " + p.familyName()).strip();
      options.put(p.id(), name.isEmpty() ? p.email() : name);
    }
    model.addAttribute("options", options);
    return "shared/picker :: options";
  }
}
