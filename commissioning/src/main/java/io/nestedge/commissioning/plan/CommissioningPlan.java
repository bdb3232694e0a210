package io.nestedge.commissioning.plan;

import io.nestedge.commissioning.run.DeviceJob;
import io.nestedge.commissioning.run.StepContext;
import io.nestedge.commissioning.run.StepResult;
import io.nestedge.commissioning.run.StepTask;
import io.nestedge.model.Device;
import io.nestedge.model.EdgeModule;
import io.nestedge.model.ModuleType;
import io.nestedge.model.Plant;
import io.nestedge.model.Reachability;
import io.nestedge.model.bundle.BundleInfo;
import io.nestedge.model.io.InputException;
import io.nestedge.model.shell.ShellQuote;
import io.nestedge.model.steps.Action;
import io.nestedge.model.steps.BashRenderer;
import io.nestedge.model.steps.InstallStep;
import io.nestedge.model.steps.InstallSteps;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The commissioning plan: data, one {@link DevicePlan} per device in parent-first order, built from
 * the plant and the exported bundles. It prints as a dry run and turns into jobs for the
 * {@link io.nestedge.commissioning.run.Commissioner}.
 *
 * @param plant the plant
 * @param devices per-device plans, parents before children
 */
public record CommissioningPlan(Plant plant, List<DevicePlan> devices) {
    /** Staging directory prefix on the device. */
    public static final String STAGING_PREFIX = "/var/tmp/nestedge-";

    /** Copies the list. */
    public CommissioningPlan {
        devices = List.copyOf(devices);
    }

    /**
     * One device's plan.
     *
     * @param device the device
     * @param route device IDs to jump through, nearest to the laptop first (empty: direct)
     * @param bundleDir the local bundle directory
     * @param bundle the bundle's description
     * @param staging staging path on the device
     * @param steps the install steps ({@link InstallSteps#forDevice})
     */
    public record DevicePlan(Device device, List<String> route, Path bundleDir, BundleInfo bundle, String staging,
            List<InstallStep> steps) {
        /** Copies the lists. */
        public DevicePlan {
            route = List.copyOf(route);
            steps = List.copyOf(steps);
        }
    }

    /**
     * Builds the plan.
     *
     * @param plant the plant
     * @param bundles bundles read from {@code exportDir}
     * @param exportDir the export directory (one sub-directory per device)
     * @param only device IDs to commission, or empty for all
     * @throws InputException when a bundle's device is missing from the plant, a requested device has
     *     no bundle, or a bundle's keys are encrypted (USB bundles are for install.sh)
     */
    public static CommissioningPlan build(Plant plant, List<BundleInfo> bundles, Path exportDir, List<String> only)
            throws InputException {
        List<DevicePlan> out = new ArrayList<>();
        java.util.Map<String, BundleInfo> byId = new java.util.HashMap<>();
        for (BundleInfo b : bundles) {
            if (plant.device(b.deviceId()).isEmpty()) {
                throw new InputException(io.nestedge.model.bundle.Bundles.bundleDir(exportDir, b.deviceId()).toString(), "bundle.json",
                        "device " + b.deviceId() + " is not in the plant.", "Use the plant the bundles were exported from.");
            }
            Device d = plant.deviceOrNull(b.deviceId());
            String parentHost = plant.parent(d.id()).map(Device::hostname).orElse("");
            if (!b.spec().hostname().equals(d.hostname()) || !b.spec().parentHostname().equals(parentHost)
                    || b.spec().edge() != d.isEdge()) {
                throw new InputException(io.nestedge.model.bundle.Bundles.bundleDir(exportDir, b.deviceId()).toString(), "bundle.json",
                        "the bundle of " + d.id() + " was exported from another version of the plant (hostname '" + b.spec().hostname()
                                + "', parent '" + b.spec().parentHostname() + "'; the plant says '" + d.hostname() + "', '"
                                + parentHost + "').", "Export the plant again.");
            }
            java.util.Optional<String> stale = staleContainerEngine(plant, d, b);
            if (stale.isPresent()) {
                throw new InputException(io.nestedge.model.bundle.Bundles.bundleDir(exportDir, b.deviceId()).toString(), "bundle.json",
                        "the bundle of " + d.id() + " was exported with other container-engine settings (" + stale.get() + ").",
                        "Export the plant again.");
            }
            byId.put(b.deviceId(), b);
        }
        for (String id : only) {
            if (plant.device(id).isEmpty()) {
                throw new InputException(exportDir.toString(), "--devices", "no device " + id + " in the plant.", "Check the device ID.");
            }
            if (!byId.containsKey(id)) {
                throw new InputException(exportDir.toString(), "--devices", "no bundle for device " + id + ".",
                        "Export the plant again.");
            }
        }
        for (Device d : parentFirst(plant)) {
            BundleInfo b = byId.get(d.id());
            if (b == null || (!only.isEmpty() && !only.contains(d.id()))) {
                continue;
            }
            out.add(new DevicePlan(d, route(plant, d), io.nestedge.model.bundle.Bundles.bundleDir(exportDir, d.id()), b, STAGING_PREFIX + d.id(),
                    InstallSteps.forDevice(b.spec())));
        }
        return new CommissioningPlan(plant, out);
    }

    /**
     * Why a device's bundle carries other container-engine settings than the plant, if it does
     * (a leaf device carries none).
     */
    private static java.util.Optional<String> staleContainerEngine(Plant plant, Device d, BundleInfo b) {
        io.nestedge.model.ContainerEngineSettings want = d.isEdge() && !plant.containerEngine().isEmpty() ? plant.containerEngine() : null;
        io.nestedge.model.ContainerEngineSettings have = b.spec().containerEngine();
        if (java.util.Objects.equals(want, have)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("bundle: " + describe(have) + "; plant: " + describe(want));
    }

    private static String describe(io.nestedge.model.ContainerEngineSettings c) {
        return c == null ? "none" : io.nestedge.model.steps.JsonMerge.compact(io.nestedge.model.steps.DaemonJson.patch(c));
    }

    /** The jump route to a device: its ancestors it must be reached through, nearest to the laptop first. */
    static List<String> route(Plant plant, Device d) {
        List<String> hops = new ArrayList<>();
        Device cur = d;
        while (cur.ssh().reach() == Reachability.VIA_PARENT && cur.hasParent()) {
            Device p = plant.deviceOrNull(cur.parentId());
            if (p == null || hops.contains(p.id())) {
                break;
            }
            hops.add(0, p.id());
            cur = p;
        }
        return hops;
    }

    private static List<Device> parentFirst(Plant plant) {
        List<Device> out = new ArrayList<>();
        java.util.Set<String> placed = new java.util.HashSet<>();
        List<Device> pending = new ArrayList<>(plant.devices());
        while (!pending.isEmpty()) {
            boolean progress = false;
            for (java.util.Iterator<Device> it = pending.iterator(); it.hasNext();) {
                Device d = it.next();
                if (!d.hasParent() || placed.contains(d.parentId()) || plant.device(d.parentId()).isEmpty()) {
                    out.add(d);
                    placed.add(d.id());
                    it.remove();
                    progress = true;
                }
            }
            if (!progress) {
                out.addAll(pending); // a cycle: the validator reports it; keep plant order
                break;
            }
        }
        return out;
    }

    /**
     * Turns the plan into jobs.
     *
     * @param shells opens (lazily) the connection to a device
     * @param timeout timeout of each remote command
     * @return one job per device, parents first
     */
    public List<DeviceJob> jobs(Function<DevicePlan, DeviceShell> shells, Duration timeout) {
        return jobs(shells, timeout, () -> null);
    }

    /** True when any bundle of the plan has encrypted keys (a pass phrase is needed to commission). */
    public boolean needsKeyPassphrase() {
        return devices.stream().anyMatch(p -> p.bundle().keysEncrypted());
    }

    /**
     * Turns the plan into jobs.
     *
     * @param shells opens (lazily) the connection to a device
     * @param timeout timeout of each remote command
     * @param keyPassphrase pass phrase of USB bundles' encrypted keys (a fresh copy per call)
     * @return one job per device, parents first
     */
    public List<DeviceJob> jobs(Function<DevicePlan, DeviceShell> shells, Duration timeout,
            java.util.function.Supplier<char[]> keyPassphrase) {
        List<DeviceJob> jobs = new ArrayList<>();
        for (DevicePlan p : devices) {
            DeviceShell shell = shells.apply(p);
            Device parent = plant.parent(p.device().id()).orElse(null);
            DeviceRunState state = new DeviceRunState(p.device().id(), p.device().hostname(),
                    parent == null ? "" : parent.hostname(), proxyName(parent), registryName(p.device()), p.device().os());
            List<StepTask> tasks = new ArrayList<>();
            for (InstallStep s : p.steps()) {
                // Preflight runs before the bundle is uploaded: from /, not from the staging directory.
                String workDir = s.id().equals(InstallSteps.PREFLIGHT) ? "/" : p.staging();
                tasks.add(new RemoteStep(s, shell, workDir, state, timeout));
                if (s.id().equals(InstallSteps.PREFLIGHT)) {
                    tasks.add(new UploadBundleStep(p.bundleDir(), shell, p.staging(), p.bundle(), keyPassphrase));
                }
            }
            jobs.add(new DeviceJob(p.device().id(), p.device().parentId(), tasks, cleanup(shell, p.staging(), timeout)));
        }
        return jobs;
    }

    private String proxyName(Device parent) {
        if (parent == null) {
            return plant.apiProxy().moduleName();
        }
        return parent.modules(ModuleType.API_PROXY).stream().map(EdgeModule::name).findFirst()
                .orElse(plant.apiProxy().moduleName());
    }

    private String registryName(Device d) {
        List<io.nestedge.model.Device> chain = new ArrayList<>(plant.ancestors(d.id()));
        Device top = chain.isEmpty() ? d : chain.get(chain.size() - 1);
        return top.modules(ModuleType.REGISTRY).stream().map(EdgeModule::name).findFirst().orElse("registry");
    }

    private static StepTask cleanup(DeviceShell shell, String staging, Duration timeout) {
        return new StepTask() {
            @Override
            public String id() {
                return "cleanup";
            }

            @Override
            public String title() {
                return "Remove the staging copy of the bundle";
            }

            @Override
            public StepResult execute(StepContext ctx) throws Exception {
                DeviceShell.Exec r = shell.runAsRoot("/", ShellQuote.command("rm", "-rf", staging), timeout);
                if (shell instanceof AutoCloseable c) {
                    c.close();
                }
                return r.exitCode() == 0 ? StepResult.ok("staging copy removed", "")
                        : new StepResult(io.nestedge.commissioning.run.StepStatus.WARNING,
                                "could not remove " + staging + " (it holds the device keys): remove it by hand", r.text(), List.of());
            }
        };
    }

    /**
     * How the engine performs a step with a {@link Action.MergeJson} (it differs from install.sh's
     * form): the device file is read, merged on the laptop, and installed only when it changes.
     */
    private static String engineForm(InstallStep step, String staging) {
        StringBuilder sb = new StringBuilder("# ").append(step.id()).append(": ").append(step.title()).append('\n');
        for (Action a : step.actions()) {
            if (a instanceof Action.MergeJson m) {
                String staged = staging + "/nestedge-merge-" + m.target().substring(m.target().lastIndexOf('/') + 1);
                sb.append("#   ").append(ShellQuote.command("cat", m.target())).append("   (read; merged on this laptop: set ")
                        .append(m.patch()).append(", every other key kept)\n");
                sb.append("#   only when a key is missing or differs:\n");
                sb.append("#   ").append(io.nestedge.model.steps.CommandForms.copyPreserving(m.target(), m.backup())).append('\n');
                sb.append("#   (upload the merged file to ").append(staged).append(")\n");
                for (String l : io.nestedge.model.steps.CommandForms.putFile(new Action.PutFile(staged, m.target(), 0644, "root", "root"))) {
                    sb.append("#   ").append(l).append('\n');
                }
            } else {
                sb.append("#   ").append(a).append('\n');
            }
        }
        return sb.toString();
    }

    /**
     * The probes whose SSH form differs from install.sh's (a machine-readable form with a fallback, ADR
     * 0620), as comment lines under the step's function; empty when there is none.
     */
    private static String engineProbes(InstallStep s) {
        StringBuilder sb = new StringBuilder();
        for (Action a : s.actions()) {
            if (a instanceof Action.Probe p && p.fallback() != null) {
                sb.append("#   over SSH: ").append(ShellQuote.command(p.argv()))
                        .append(" (parsed); when the device refuses it: ").append(ShellQuote.command(p.fallback().argv()))
                        .append('\n');
            }
        }
        return sb.toString();
    }

    /**
     * The dry run: per device, the route, the staging directory and the exact commands of every
     * step, as they run as root in the staging directory.
     */
    public String dryRun() {
        StringBuilder sb = new StringBuilder();
        sb.append("# Commissioning plan for ").append(plant.name()).append(": ").append(devices.size())
                .append(" device(s), parents first. Every command runs as root (sudo -S, password on standard input)\n")
                .append("# in the device's staging directory.\n");
        for (DevicePlan p : devices) {
            Device d = p.device();
            sb.append("\n## ").append(d.id()).append(" (").append(d.hostname()).append(", layer ").append(d.layerId())
                    .append(")\n");
            sb.append("# ssh ").append(d.ssh().user().isEmpty() ? "" : d.ssh().user() + "@").append(d.ssh().address())
                    .append(':').append(d.ssh().port());
            sb.append(p.route().isEmpty() ? " (direct)\n" : " through " + String.join(" -> ", p.route()) + "\n");
            sb.append("# upload ").append(p.bundleDir()).append(" -> ").append(p.staging()).append(" (0700)\n");
            for (InstallStep s : p.steps()) {
                sb.append(s.actions().stream().anyMatch(a -> a instanceof Action.MergeJson) ? engineForm(s, p.staging())
                        : BashRenderer.function(s));
                sb.append(engineProbes(s));
            }
            sb.append("# cleanup: ").append(ShellQuote.command("rm", "-rf", p.staging())).append('\n');
        }
        return sb.toString();
    }
}
