package io.hypervwsman.sim;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.hypervwsman.ConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A simulated lab of Hyper-V hosts on several sites, with VMs replicated between them (a lab.yaml file, README
 * "Simulated lab"): each VM runs as the primary on one host and, when it names a replica host, has its replica, of
 * the same VM id, there. {@link #scenarios} turns it into one {@link Scenario} per host.
 *
 * @param name                the lab's name
 * @param dnsDomain           the DNS domain of every host (default lab.example); replication settings use FQDNs
 * @param users               accounts every host accepts (default LAB\operator); passwords come from whoever starts it
 * @param replicationInterval seconds between replication cycles (30, 300 or 900; default 300)
 * @param behaviours          behaviour per method name for every VM of every host (job durations, outcomes)
 * @param sites               the sites and their hosts (NetBIOS names, unique in the lab)
 * @param vms                 the VMs
 */
public record Lab(String name, String dnsDomain, List<String> users, Integer replicationInterval,
                  Map<String, Scenario.Behaviour> behaviours, List<Site> sites, List<LabVm> vms) {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    private static final DateTimeFormatter POINT_NAME = DateTimeFormatter.ofPattern("M/d/yyyy - h:mm:ss a",
            Locale.ROOT).withZone(ZoneOffset.UTC);

    public Lab {
        name = name == null ? "lab" : name;
        dnsDomain = dnsDomain == null ? "lab.example" : dnsDomain;
        users = users == null || users.isEmpty() ? List.of("LAB\\operator") : List.copyOf(users);
        replicationInterval = replicationInterval == null ? 300 : replicationInterval;
        if (!Set.of(30, 300, 900).contains(replicationInterval)) {
            throw new ConfigurationException("replicationInterval must be 30, 300 or 900 seconds, not "
                    + replicationInterval);
        }
        behaviours = behaviours == null ? Map.of() : Map.copyOf(behaviours);
        sites = sites == null ? List.of() : List.copyOf(sites);
        vms = vms == null ? List.of() : List.copyOf(vms);
        validate(sites, vms);
    }

    /**
     * A site: a name and its hosts.
     *
     * @param name  the site's name (e.g. prod, dr)
     * @param hosts NetBIOS names of its hosts
     */
    public record Site(String name, List<String> hosts) {
        public Site {
            Objects.requireNonNull(name, "site name");
            hosts = hosts == null ? List.of() : List.copyOf(hosts);
        }
    }

    /**
     * A VM of the lab.
     *
     * @param name           its name (ElementName), unique in the lab
     * @param id             its VM id (GUID); default derived from the lab's and the VM's names
     * @param primary        the host it runs on as the primary (or unreplicated)
     * @param replica        the host of its replica, on another host; none: not replicated
     * @param power          the primary's power state (default running); a replica is off
     * @param recoveryPoints how many hourly recovery points its replica keeps (default 0)
     */
    public record LabVm(String name, String id, String primary, String replica, Scenario.Power power,
                        Integer recoveryPoints) {
        public LabVm {
            Objects.requireNonNull(name, "VM name");
            Objects.requireNonNull(primary, "primary host of " + name);
            power = power == null ? Scenario.Power.RUNNING : power;
            recoveryPoints = recoveryPoints == null ? 0 : recoveryPoints;
            if (id != null && !id.matches("[0-9A-Fa-f]{8}(-[0-9A-Fa-f]{4}){3}-[0-9A-Fa-f]{12}")) {
                throw new ConfigurationException("id of " + name + " is not a GUID: " + id);
            }
            if (recoveryPoints < 0 || recoveryPoints > 24) {
                throw new ConfigurationException("recoveryPoints of " + name + " must be 0..24");
            }
        }
    }

    private static void validate(List<Site> sites, List<LabVm> vms) {
        Set<String> hosts = new HashSet<>();
        for (Site s : sites) {
            for (String h : s.hosts()) {
                if (!hosts.add(h.toUpperCase(Locale.ROOT))) {
                    throw new ConfigurationException("host " + h + " appears twice in the lab");
                }
            }
        }
        Set<String> names = new HashSet<>();
        for (LabVm v : vms) {
            if (!names.add(v.name())) {
                throw new ConfigurationException("two VMs named " + v.name() + " in the lab");
            }
            if (!hosts.contains(v.primary().toUpperCase(Locale.ROOT))) {
                throw new ConfigurationException("VM " + v.name() + ": primary " + v.primary() + " is not a host of the lab");
            }
            if (v.replica() != null && !hosts.contains(v.replica().toUpperCase(Locale.ROOT))) {
                throw new ConfigurationException("VM " + v.name() + ": replica " + v.replica() + " is not a host of the lab");
            }
            if (v.primary().equalsIgnoreCase(v.replica())) {
                throw new ConfigurationException("VM " + v.name() + ": its replica must be on another host than its primary");
            }
        }
    }

    /** Reads a lab file (YAML). */
    public static Lab load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new ConfigurationException("cannot read lab " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads {@code labs/<name>.yaml} from the class path (e.g. "two-sites"). */
    public static Lab fromResource(String name) {
        String path = "labs/" + name + ".yaml";
        try (InputStream in = Lab.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new ConfigurationException("no lab resource " + path);
            }
            return read(in, path);
        } catch (IOException e) {
            throw new ConfigurationException("cannot read lab " + path + ": " + e.getMessage(), e);
        }
    }

    /** Reads a lab from YAML text. */
    public static Lab parse(String yaml) {
        try {
            return read(new java.io.ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "(text)");
        } catch (IOException e) {
            throw new ConfigurationException("cannot read the lab text: " + e.getMessage(), e);
        }
    }

    private static Lab read(InputStream in, String source) throws IOException {
        try {
            Lab lab = YAML.readValue(in, Lab.class);
            if (lab == null) {
                throw new ConfigurationException("lab " + source + " is empty");
            }
            return lab;
        } catch (com.fasterxml.jackson.databind.exc.ValueInstantiationException e) {
            // A check of the lab's own (compact constructors) rather than of the YAML: its message as it is.
            String why = e.getCause() instanceof ConfigurationException c ? c.getMessage() : e.getOriginalMessage();
            throw new ConfigurationException("invalid lab " + source + ": " + why, e);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new ConfigurationException("invalid lab " + source + ": " + e.getOriginalMessage(), e);
        }
    }

    /** Every host of the lab, site by site. */
    public List<String> hostNames() {
        return sites.stream().flatMap(s -> s.hosts().stream()).toList();
    }

    /** The site of {@code host}. */
    public String siteOf(String host) {
        return sites.stream().filter(s -> s.hosts().stream().anyMatch(h -> h.equalsIgnoreCase(host))).findFirst()
                .map(Site::name).orElseThrow(() -> new IllegalArgumentException(host + " is not a host of the lab"));
    }

    /** The FQDN replication settings name {@code host} by. */
    public String machine(String host) {
        return host + "." + dnsDomain;
    }

    /** The VM id of {@code vm}: its own, or one derived from the lab's and the VM's names. */
    public String vmId(LabVm vm) {
        return vm.id() != null ? vm.id().toUpperCase(Locale.ROOT) : derived(name + "/" + vm.name());
    }

    private static String derived(String key) {
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString().toUpperCase(Locale.ROOT);
    }

    /**
     * One scenario per host, by host name: every host is a Replica server accepting any primary; primaries and
     * replicas are Replicating, last replicated at the latest cycle boundary not after {@code now}.
     */
    public Map<String, Scenario> scenarios(Instant now) {
        long interval = replicationInterval;
        Instant lastCycle = Instant.ofEpochSecond(Math.floorDiv(now.getEpochSecond(), interval) * interval);
        Map<String, List<Scenario.Vm>> byHost = new LinkedHashMap<>();
        hostNames().forEach(h -> byHost.put(h.toUpperCase(Locale.ROOT), new ArrayList<>()));
        for (LabVm v : vms) {
            String id = vmId(v);
            List<Scenario.Relationship> rel = v.replica() == null ? List.of() : List.of(new Scenario.Relationship(3,
                    1, lastCycle.toString(), null, 0, 1, machine(host(v.primary())), machine(host(v.replica()))));
            byHost.get(v.primary().toUpperCase(Locale.ROOT)).add(new Scenario.Vm(v.name(), id, v.power(),
                    v.replica() == null ? 0 : 1, rel, null, null, null));
            if (v.replica() != null) {
                List<Scenario.RecoveryPoint> points = new ArrayList<>();
                for (int k = v.recoveryPoints(); k >= 1; k--) {
                    Instant at = lastCycle.minus(Duration.ofHours(k));
                    points.add(new Scenario.RecoveryPoint(v.name() + " - Standard Replica - (" + POINT_NAME.format(at)
                            + ")", derived(name + "/" + v.name() + "/" + at), at.toString(), null));
                }
                byHost.get(v.replica().toUpperCase(Locale.ROOT)).add(new Scenario.Vm(v.name(), id,
                        Scenario.Power.OFF, 2, rel, null, null, points));
            }
        }
        Scenario.ReplicationServer server = new Scenario.ReplicationServer(true, 1, null, null, null, null, null,
                List.of(new Scenario.AuthorizationEntry("*", "DEFAULT", "D:\\Hyper-V\\Replica")));
        Map<String, Scenario> out = new LinkedHashMap<>();
        for (String h : hostNames()) {
            out.put(h, new Scenario(h, dnsDomain, users, null, behaviours, byHost.get(h.toUpperCase(Locale.ROOT)),
                    null, server));
        }
        return out;
    }

    /** The host's name as the lab's sites spell it. */
    private String host(String name) {
        return hostNames().stream().filter(h -> h.equalsIgnoreCase(name)).findFirst().orElse(name);
    }
}
