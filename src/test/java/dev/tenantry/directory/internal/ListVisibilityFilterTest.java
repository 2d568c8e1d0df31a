package dev.tenantry.directory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.directory.ComputerType;
import dev.tenantry.directory.DirectoryTest;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The list filters that {@link DirectoryAccess} will hand over once the authz engine is wired are
 * applied in SQL: proven here by giving the reads a filter directly.
 */
class ListVisibilityFilterTest extends DirectoryTest {
  @Autowired ComputerReads computerReads;
  @Autowired PersonReads personReads;

  @Test
  void computerListsKeepOnlyVisibleTenantsAndResourceGrants() {
    UUID seen = tenant();
    UUID hidden = tenant();
    UUID inSeen = computer(seen);
    UUID granted = computer(hidden);
    UUID server = id(createComputer(hidden, unique("srv"), "SERVER", null));
    UUID taggedPc = computer(hidden);
    UUID invisible = computer(hidden);
    UUID tag = tag();
    api().put("/api/v1/computers/" + taggedPc + "/tags/" + tag, null);

    var visibility = new ComputerVisibility(Set.of(seen), List.of(
        new ComputerVisibility.OneComputer(granted),
        new ComputerVisibility.ComputersOfType(ComputerType.SERVER, hidden),
        new ComputerVisibility.TaggedComputers(tag, null)));
    assertThat(ids(visibility)).containsExactlyInAnyOrder(inSeen, granted, server, taggedPc)
        .doesNotContain(invisible);

    var typeElsewhere = new ComputerVisibility(Set.of(), List.of(
        new ComputerVisibility.ComputersOfType(ComputerType.SERVER, seen)));
    assertThat(ids(typeElsewhere)).doesNotContain(server);
    assertThat(ids(new ComputerVisibility(Set.of(), List.of()))).isEmpty();
  }

  @Test
  void peopleListsKeepOnlyVisibleTenants() {
    UUID seen = tenant();
    UUID hidden = tenant();
    UUID visible = person(seen);
    person(hidden);
    var page = personReads.search(new PersonQuery(null, null, null, 0, 500), Set.of(seen));
    assertThat(page.items()).extracting(v -> v.person().id()).containsExactly(visible);
    assertThat(personReads.search(new PersonQuery(hidden, null, null, 0, 10), Set.of(seen)).total()).isZero();
  }

  private List<UUID> ids(ComputerVisibility v) {
    return computerReads.search(new ComputerQuery(null, null, null, null, 0, 500), v).items().stream()
        .map(c -> c.computer().id())
        .toList();
  }
}
