package dev.tenantry.authz.engine;

import dev.tenantry.authz.engine.Compiled.Asg;
import java.util.Arrays;
import java.util.UUID;

/**
 * Keeps the principal-side indexes consistent while editing: each user's direct assignments and
 * group list, each group's members and assignments. Arrays are copied on change (they are shared
 * with older snapshots).
 */
final class SnapshotGraph {
  private final SnapshotEditor e;

  SnapshotGraph(SnapshotEditor e) {
    this.e = e;
  }

  void upsertGroup(GroupNode n) {
    int g = e.groupIx.intern(n.id());
    Compiled.Group old = group(g);
    int[] members = new int[n.memberUserIds().size()];
    int i = 0;
    for (UUID u : n.memberUserIds()) {
      members[i++] = e.userIx.intern(u);
    }
    Arrays.sort(members);
    relink(g, old.members(), members);
    e.groups.set(g, new Compiled.Group(n, members, old.asgs()));
  }

  void removeGroup(UUID id) {
    int g = e.groupIx.get(id);
    if (g < 0) {
      return;
    }
    Compiled.Group old = group(g);
    relink(g, old.members(), Compiled.NO_INTS);
    e.groups.set(g, new Compiled.Group(null, Compiled.NO_INTS, old.asgs()));
  }

  void upsertAssignment(Asg a) {
    detach(e.asgs.get(a.index()));
    e.asgs.set(a.index(), a);
    if (a.groupPrincipal()) {
      Compiled.Group g = group(a.principal());
      e.groups.set(a.principal(), new Compiled.Group(g.node(), g.members(), g.asgs().with(a)));
      markMembers(g);
    } else {
      Compiled.User u = user(a.principal());
      e.setUser(a.principal(), u.withDirect(u.direct().with(a)));
    }
  }

  void removeAssignment(UUID id) {
    int i = e.asgIx.get(id);
    if (i >= 0) {
      detach(e.asgs.get(i));
      e.asgs.set(i, null);
    }
  }

  private void detach(Asg old) {
    if (old == null) {
      return;
    }
    if (old.groupPrincipal()) {
      Compiled.Group g = group(old.principal());
      e.groups.set(
          old.principal(),
          new Compiled.Group(g.node(), g.members(), g.asgs().without(old.index())));
      markMembers(g);
    } else {
      Compiled.User u = user(old.principal());
      e.setUser(old.principal(), u.withDirect(u.direct().without(old.index())));
    }
  }

  // both arrays sorted: users leaving lose g, users joining gain it
  private void relink(int g, int[] before, int[] after) {
    int i = 0;
    int j = 0;
    while (i < before.length || j < after.length) {
      if (j == after.length || (i < before.length && before[i] < after[j])) {
        Compiled.User u = user(before[i]);
        e.setUser(before[i], u.withGroups(removeInt(u.groups(), g)));
        i++;
      } else if (i == before.length || after[j] < before[i]) {
        Compiled.User u = user(after[j]);
        e.setUser(after[j], u.withGroups(addInt(u.groups(), g)));
        j++;
      } else {
        i++;
        j++;
      }
    }
  }

  // members carry a copy of the group's code in their hot arrays
  private void markMembers(Compiled.Group g) {
    for (int u : g.members()) {
      e.markUser(u);
    }
  }

  private Compiled.Group group(int g) {
    Compiled.Group x = e.groups.get(g);
    return x == null ? Compiled.Group.ABSENT : x;
  }

  private Compiled.User user(int u) {
    Compiled.User x = e.users.get(u);
    return x == null ? Compiled.User.ABSENT : x;
  }

  private static int[] addInt(int[] sorted, int v) {
    int pos = Arrays.binarySearch(sorted, v);
    if (pos >= 0) {
      return sorted;
    }
    int at = -pos - 1;
    int[] out = new int[sorted.length + 1];
    System.arraycopy(sorted, 0, out, 0, at);
    out[at] = v;
    System.arraycopy(sorted, at, out, at + 1, sorted.length - at);
    return out;
  }

  private static int[] removeInt(int[] sorted, int v) {
    int pos = Arrays.binarySearch(sorted, v);
    if (pos < 0) {
      return sorted;
    }
    int[] out = new int[sorted.length - 1];
    System.arraycopy(sorted, 0, out, 0, pos);
    System.arraycopy(sorted, pos + 1, out, pos, sorted.length - pos - 1);
    return out;
  }
}
