package dev.tenantry.directory.web;

import dev.tenantry.authz.ComputerType;
import dev.tenantry.directory.Computer;
import dev.tenantry.directory.internal.ComputerView;
import dev.tenantry.directory.internal.TagRef;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

record ComputerResponse(
    UUID id,
    UUID tenantId,
    String name,
    ComputerType type,
    @Nullable UUID primaryPersonId,
    String os,
    String serial,
    List<TagRef> tags,
    long version) {

  static ComputerResponse of(ComputerView v) {
    Computer c = v.computer();
    return new ComputerResponse(
        c.id(),
        c.tenantId(),
        c.name(),
        c.type(),
        c.primaryPersonId(),
        c.os(),
        c.serial(),
        v.tags(),
        c.version());
  }
}
