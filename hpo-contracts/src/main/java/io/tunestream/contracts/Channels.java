package io.tunestream.contracts;

/**
 * SmallRye Reactive Messaging channel names. Each service maps the channels it uses to topics in its
 * {@code application.properties}; incoming channels name their dead-letter topic there too.
 */
public final class Channels {

    public static final String STUDY_CHANGED_OUT = "study-changed-out";
    public static final String STUDY_CHANGED_IN = "study-changed-in";
    public static final String TRIAL_SUGGESTED_OUT = "trial-suggested-out";
    public static final String TRIAL_SUGGESTED_IN = "trial-suggested-in";
    public static final String TRIAL_REPORTED_OUT = "trial-reported-out";
    public static final String TRIAL_REPORTED_IN = "trial-reported-in";
    public static final String TRIAL_DECIDED_OUT = "trial-decided-out";
    public static final String TRIAL_DECIDED_IN = "trial-decided-in";

    private Channels() {
    }
}
