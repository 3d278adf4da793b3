package io.berth.api.model.system;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/**
 * One event of {@code GET /events}, as dockerd writes it: the legacy {@code status}, {@code id}
 * and {@code from} only for container and image events.
 */
@JsonPropertyOrder({"status", "id", "from", "Type", "Action", "Actor", "scope", "time", "timeNano"})
public record EventMessage(
    @JsonProperty("status") @JsonInclude(JsonInclude.Include.NON_EMPTY) String status,
    @JsonProperty("id") @JsonInclude(JsonInclude.Include.NON_EMPTY) String id,
    @JsonProperty("from") @JsonInclude(JsonInclude.Include.NON_EMPTY) String from,
    @JsonProperty("Type") String type,
    @JsonProperty("Action") String action,
    @JsonProperty("Actor") Actor actor,
    @JsonProperty("scope") String scope,
    @JsonProperty("time") long time,
    @JsonProperty("timeNano") long timeNano) {

  @JsonPropertyOrder({"ID", "Attributes"})
  public record Actor(@JsonProperty("ID") String id, @JsonProperty("Attributes") Map<String, String> attributes) {}
}
