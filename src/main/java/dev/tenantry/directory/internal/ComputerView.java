package dev.tenantry.directory.internal;

import dev.tenantry.directory.Computer;
import java.util.List;

/** A computer with its tags. Also the audit snapshot. */
public record ComputerView(Computer computer, List<TagRef> tags) {}
