package io.tunestream.suggester.study;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

import io.tunestream.contracts.events.TrialDecided;
import io.tunestream.contracts.spec.StudySpec;
import io.tunestream.contracts.spec.StudySpecValidator;
import io.tunestream.optimizer.sampler.Sampler;

/**
 * All studies of this suggester. Every change goes through one lock: changes are small (a sample
 * and a few records), and one lock keeps each study's suggestions in trial-number order.
 */
public final class StudyRegistry {

    private final Map<String, StudyRun> studies = new LinkedHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final BiFunction<StudySpec, Sampler, Sampler> samplerDecorator;

    public StudyRegistry() {
        this((spec, sampler) -> sampler);
    }

    /** @param samplerDecorator wraps each study's sampler (the service times the sampler calls) */
    public StudyRegistry(BiFunction<StudySpec, Sampler, Sampler> samplerDecorator) {
        this.samplerDecorator = samplerDecorator;
    }

    /** A read-only view of a study for REST answers. */
    public record StudyView(String studyId, String state, String reason, StudySpec spec, int trialsSuggested,
                            int trialsRunning, int trialsFinished) {
    }

    /** The created study's id and what to publish. */
    public record Created(String studyId, StudyRun.Effects effects) {
    }

    /**
     * Validates (again: the REST layer already did, but the core never trusts its caller), fills in a
     * seed when the spec has none, and starts the study.
     */
    public synchronized Created create(StudySpec spec) {
        StudySpecValidator.requireValid(spec);
        var seeded = spec.seed() == null ? spec.withSeed(random.nextLong() & Long.MAX_VALUE) : spec;
        var id = newStudyId(spec.name());
        var run = new StudyRun(id, seeded, samplerDecorator);
        studies.put(id, run);
        return new Created(id, run.start());
    }

    /**
     * Puts back a study rebuilt from the topics (see {@link StudyRecovery}) and returns what its
     * resumption must publish: the trials a running study still needs, or its completion. A study this
     * registry already has is left as it is.
     */
    synchronized StudyRun.Effects restore(StudyRecovery.RecoveredStudy study) {
        if (studies.containsKey(study.studyId())) {
            return StudyRun.Effects.none();
        }
        var run = new StudyRun(study.studyId(), study.spec(), samplerDecorator);
        run.restore(study.state(), study.reason(), study.suggested(), study.decisions(), study.finalizeSuggested());
        studies.put(study.studyId(), run);
        return run.resume();
    }

    /**
     * Why a decision cannot be applied, when it names a study this registry never had or a trial its
     * study never suggested. Every study is known once the recovery has replayed the topics, and a trial
     * is suggested (durably) before any trainer can run it, so such a decision is not early: it is wrong.
     */
    public synchronized Optional<String> unknownTarget(TrialDecided decision) {
        var run = studies.get(decision.studyId());
        if (run == null) {
            return Optional.of("no study " + decision.studyId() + " exists");
        }
        return run.whyUnknown(decision);
    }

    public synchronized StudyRun.Effects onDecision(TrialDecided decision) {
        var run = studies.get(decision.studyId());
        return run == null ? StudyRun.Effects.none() : run.onDecision(decision);
    }

    public synchronized Optional<StudyRun.Effects> stop(String studyId, String reason) {
        return Optional.ofNullable(studies.get(studyId)).map(run -> run.stop(reason));
    }

    public synchronized Optional<StudyView> view(String studyId) {
        return Optional.ofNullable(studies.get(studyId)).map(StudyRegistry::toView);
    }

    public synchronized List<StudyView> views() {
        var views = new ArrayList<StudyView>();
        studies.values().forEach(run -> views.add(toView(run)));
        return views;
    }

    private static StudyView toView(StudyRun run) {
        return new StudyView(run.studyId(), run.state().name(), run.reason(), run.spec(), run.suggested(),
                run.inFlight(), run.finishedCount());
    }

    private String newStudyId(String name) {
        var slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > 40) {
            slug = slug.substring(0, 40);
        }
        var bytes = new byte[4];
        random.nextBytes(bytes);
        return (slug.isEmpty() ? "study" : slug) + "-" + HexFormat.of().formatHex(bytes);
    }
}
