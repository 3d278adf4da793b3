package io.berth.api.server.backend;

import io.berth.common.filter.Filters;

/** {@code GET /containers/json}: {@code limit} is -1 or 0 for no limit. */
public record ContainerListOptions(boolean all, int limit, boolean size, Filters filters) {}
