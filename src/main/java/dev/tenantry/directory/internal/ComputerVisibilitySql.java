package dev.tenantry.directory.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Turns a {@link ComputerVisibility} into a where-clause fragment over the alias {@code c}. */
final class ComputerVisibilitySql {
  private ComputerVisibilitySql() {}

  /** Appends the condition (and its parameters); nothing when the caller sees everything. */
  static void apply(@Nullable ComputerVisibility v, StringBuilder where, Map<String, Object> params) {
    if (v == null) {
      return;
    }
    List<String> any = new ArrayList<>();
    any.add("c.tenant_id = any(:vis_tenants)");
    params.put("vis_tenants", v.tenantIds().toArray(new UUID[0]));
    int i = 0;
    for (ComputerVisibility.Grant g : v.grants()) {
      String p = "vis_" + i++;
      switch (g) {
        case ComputerVisibility.OneComputer one -> {
          any.add("c.id = :" + p);
          params.put(p, one.computerId());
        }
        case ComputerVisibility.TaggedComputers t -> {
          any.add("(exists (select 1 from computer_tag vt where vt.computer_id = c.id and vt.tag_id = :"
              + p + ")" + tenantLimit(p, t.tenantId(), params) + ")");
          params.put(p, t.tagId());
        }
        case ComputerVisibility.ComputersOfType t -> {
          any.add("(c.type = :" + p + tenantLimit(p, t.tenantId(), params) + ")");
          params.put(p, t.type().name());
        }
      }
    }
    where.append(" and (").append(String.join(" or ", any)).append(")");
  }

  private static String tenantLimit(String p, @Nullable UUID tenantId, Map<String, Object> params) {
    if (tenantId == null) {
      return "";
    }
    params.put(p + "_t", tenantId);
    return " and c.tenant_id = :" + p + "_t";
  }
}
