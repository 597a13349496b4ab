package io.tunestream.training.run;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * The PyTorch engine as the trainer uses it. DJL is set offline ({@code ai.djl.offline=true}): the CPU
 * libtorch comes from the {@code pytorch-native-cpu} jar on the classpath, or, on a GPU node, from the
 * CUDA libtorch that {@code PYTORCH_LIBRARY_PATH} points to; nothing is ever downloaded.
 *
 * <p>Threads: PyTorch's default intra-op pool has one thread per core in every slot, so two slots on
 * a 2-core machine fight over the cores and each epoch stalls. Each slot therefore sets its own
 * intra-op thread count (OpenMP's is per calling thread) and the inter-op pool is 1, unless the
 * operator set the {@code ai.djl.pytorch.num_*threads} properties.
 */
public final class TorchRuntime {

    public static final String ENGINE = "PyTorch";
    private static volatile Integer gpus;

    static {
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
        setIfAbsent("ai.djl.pytorch.num_threads", "1");
    }

    private TorchRuntime() {
    }

    /** Loads the engine (and its native library) if needed. */
    public static Engine engine() {
        return Engine.getEngine(ENGINE);
    }

    /** Sets the intra-op threads of the calling thread. */
    public static void useThreads(int threads) {
        engine();
        if (JniUtils.getNumThreads() != threads) {
            JniUtils.setNumThreads(threads);
        }
    }

    /** The device for {@code choice}: the first GPU when asked for (or, for auto, when there is one), else the CPU. */
    public static Device device(DeviceChoice choice) {
        int gpus = gpuCount();
        return switch (choice) {
            case CPU -> Device.cpu();
            case AUTO -> gpus > 0 ? Device.gpu() : Device.cpu();
            case GPU -> {
                if (gpus == 0) {
                    throw new IllegalStateException("device gpu was asked for but the PyTorch engine sees no GPU (is a CUDA libtorch on PYTORCH_LIBRARY_PATH?)");
                }
                yield Device.gpu();
            }
        };
    }

    /** GPUs the engine sees, asked once: the answer does not change while the process runs. */
    private static int gpuCount() {
        Integer count = gpus;
        if (count == null) {
            count = engine().getGpuCount();
            gpus = count;
        }
        return count;
    }

    /** The engine's version, for logs. */
    public static String version() {
        return engine().getVersion();
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
