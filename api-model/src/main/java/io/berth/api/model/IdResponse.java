package io.berth.api.model;

import com.fasterxml.jackson.annotation.JsonProperty;

public record IdResponse(@JsonProperty("Id") String id) {}
