package io.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.berth.client.DockerClient;
import java.io.IOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.MethodModel;
import java.lang.classfile.constantpool.ClassEntry;
import java.lang.classfile.constantpool.MemberRefEntry;
import java.lang.classfile.constantpool.PoolEntry;
import java.lang.classfile.instruction.InvokeInstruction;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The CLI ships without Jackson (see its pom), so no class it loads may need it: only the client's
 * {@code DataBinding} may refer to Jackson, and no CLI class may call a client method that leads
 * there. Tests have Jackson on the class path, so a slip would otherwise show only at run time.
 */
class NoDataBindingTest {
  private static final String BINDING = "io/berth/client/DataBinding";

  @Test
  void cliAndClient_stayClearOfJackson() throws Exception {
    Map<String, ClassModel> cli = classes(Main.class, "io/berth/cli/");
    Map<String, ClassModel> client = classes(DockerClient.class, "io/berth/client/");
    List<String> offenders = new ArrayList<>();
    for (Map<String, ClassModel> module : List.of(cli, client)) {
      for (ClassModel c : module.values()) {
        String name = c.thisClass().asInternalName();
        for (PoolEntry e : c.constantPool()) {
          if (!name.equals(BINDING) && e instanceof ClassEntry ce && jackson(ce.asInternalName())) {
            offenders.add(name + " -> " + ce.asInternalName());
          }
          if (e instanceof MemberRefEntry m && (jackson(m.owner().asInternalName()) || m.type().stringValue().contains("Lcom/fasterxml/"))
              && !name.equals(BINDING)) {
            offenders.add(name + " -> " + m.owner().asInternalName() + "." + m.name().stringValue());
          }
        }
      }
    }
    Set<String> binding = bindingMethods(client);
    for (ClassModel c : cli.values()) {
      for (PoolEntry e : c.constantPool()) {
        if (e instanceof MemberRefEntry m && binding.contains(key(m))) {
          offenders.add(c.thisClass().asInternalName() + " -> " + key(m));
        }
      }
    }
    // Reached through DockerClient.json: the walk must follow calls within the client.
    assertThat(binding).contains("io/berth/client/SystemApi.info()Lio/berth/api/model/system/Info;");
    assertThat(offenders).isEmpty();
  }

  private static boolean jackson(String internalName) {
    return internalName.startsWith("com/fasterxml/") || internalName.equals("io/berth/common/json/Json");
  }

  /** Client methods that reach DataBinding, directly or through other client methods. */
  private static Set<String> bindingMethods(Map<String, ClassModel> client) {
    Map<String, Set<String>> calls = new HashMap<>();
    for (ClassModel c : client.values()) {
      for (MethodModel m : c.methods()) {
        Set<String> callees = new HashSet<>();
        m.code().ifPresent(code -> code.forEach(el -> {
          if (el instanceof InvokeInstruction i) {
            callees.add(key(i.method()));
          }
        }));
        calls.put(c.thisClass().asInternalName() + "." + m.methodName().stringValue() + m.methodType().stringValue(), callees);
      }
    }
    Set<String> reaching = new HashSet<>();
    boolean grew = true;
    while (grew) {
      grew = false;
      for (Map.Entry<String, Set<String>> e : calls.entrySet()) {
        if (!reaching.contains(e.getKey()) && e.getValue().stream()
            .anyMatch(callee -> callee.startsWith(BINDING + ".") || reaching.contains(callee))) {
          reaching.add(e.getKey());
          grew = true;
        }
      }
    }
    return reaching;
  }

  private static String key(MemberRefEntry m) {
    return m.owner().asInternalName() + "." + m.name().stringValue() + m.type().stringValue();
  }

  /** The classes under {@code prefix} in the directory or jar that {@code anchor} came from. */
  private static Map<String, ClassModel> classes(Class<?> anchor, String prefix) throws IOException, URISyntaxException {
    Path where = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
    Map<String, ClassModel> out = new HashMap<>();
    if (Files.isDirectory(where)) {
      read(where.resolve(prefix), out);
    } else {
      try (FileSystem jar = FileSystems.newFileSystem(where)) {
        read(jar.getPath(prefix), out);
      }
    }
    assertThat(out).isNotEmpty();
    return out;
  }

  private static void read(Path root, Map<String, ClassModel> out) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        ClassModel c = ClassFile.of().parse(Files.readAllBytes(p));
        out.put(c.thisClass().asInternalName(), c);
      }
    }
  }
}
