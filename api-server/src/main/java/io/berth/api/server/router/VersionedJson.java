package io.berth.api.server.router;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import io.berth.api.model.AddedIn;
import io.berth.api.model.ApiVersion;
import io.berth.api.model.ForVersion;
import io.berth.api.model.RemovedIn;
import io.berth.api.server.ApiRequest;
import io.berth.common.json.Json;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Encodes a response body in the shape of the request's API version, as dockerd 28 answers each
 * version: backends return the full record (every field any version shows), a {@link ForVersion}
 * body rewrites the values that differ, and a field marked {@link AddedIn} or {@link RemovedIn} is
 * written only for the versions that have it. The version travels as a serialization attribute,
 * so one cached serializer per type serves every version.
 */
public final class VersionedJson {
  private static final ObjectWriter WRITER =
      Json.mapper().copy().registerModule(new SimpleModule("berth-api-versions")
          .setSerializerModifier(new Gates())).writer();

  private VersionedJson() {}

  /** Sends {@code body} as a JSON document followed by a newline, as dockerd does. */
  public static void send(ApiRequest r, int status, Object body) {
    byte[] b = bytes(body, r.version());
    byte[] withNewline = Arrays.copyOf(b, b.length + 1);
    withNewline[b.length] = '\n';
    r.response().send(status, "application/json", withNewline);
  }

  public static byte[] bytes(Object body, ApiVersion version) {
    try {
      return WRITER.withAttribute(ApiVersion.class, version).writeValueAsBytes(shape(body, version));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode " + body.getClass().getName(), e);
    }
  }

  private static Object shape(Object body, ApiVersion version) {
    if (body instanceof ForVersion<?> f) {
      return f.forVersion(version);
    }
    if (body instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (Object o : list) {
        out.add(o instanceof ForVersion<?> f ? f.forVersion(version) : o);
      }
      return out;
    }
    return body;
  }

  /** Replaces the writer of every annotated property with one that checks the version. */
  private static final class Gates extends BeanSerializerModifier {
    @Override
    public List<BeanPropertyWriter> changeProperties(SerializationConfig config,
        BeanDescription beanDesc, List<BeanPropertyWriter> props) {
      List<BeanPropertyWriter> out = new ArrayList<>(props.size());
      for (BeanPropertyWriter w : props) {
        AddedIn added = w.getAnnotation(AddedIn.class);
        RemovedIn removed = w.getAnnotation(RemovedIn.class);
        out.add(added == null && removed == null ? w : new Gated(w,
            added == null ? null : ApiVersion.of(added.value()),
            removed == null ? null : ApiVersion.of(removed.value())));
      }
      return out;
    }
  }

  /** A property written only from {@code since} and before {@code until} (each may be open). */
  private static final class Gated extends BeanPropertyWriter {
    private final ApiVersion since;
    private final ApiVersion until;

    Gated(BeanPropertyWriter base, ApiVersion since, ApiVersion until) {
      super(base);
      this.since = since;
      this.until = until;
    }

    private boolean shown(SerializerProvider prov) {
      // without a version (a plain encoding) the record shows all it has
      if (!(prov.getAttribute(ApiVersion.class) instanceof ApiVersion v)) {
        return true;
      }
      return (since == null || v.atLeast(since)) && (until == null || v.lessThan(until));
    }

    @Override
    public void serializeAsField(Object bean, JsonGenerator gen, SerializerProvider prov)
        throws Exception {
      if (shown(prov)) {
        super.serializeAsField(bean, gen, prov);
      }
    }

    @Override
    public void serializeAsElement(Object bean, JsonGenerator gen, SerializerProvider prov)
        throws Exception {
      if (shown(prov)) {
        super.serializeAsElement(bean, gen, prov);
      } else {
        serializeAsPlaceholder(bean, gen, prov);
      }
    }
  }
}
