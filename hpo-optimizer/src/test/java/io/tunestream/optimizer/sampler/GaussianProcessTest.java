package io.tunestream.optimizer.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GaussianProcessTest {

    private static final double[][] X = {{0.05}, {0.2}, {0.35}, {0.5}, {0.62}, {0.75}, {0.88}, {0.97}};

    private static double[] targets() {
        double[] y = new double[X.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = Math.sin(6 * X[i][0]) + 0.5 * X[i][0];
        }
        return y;
    }

    @Test
    void theFittedPosteriorInterpolatesTrainingPointsWithSmallNoise() {
        double[] y = targets();
        GaussianProcess.Hyperparameters fitted = GaussianProcess.fit(X, y, 3, new SplittableRandom(1));
        GaussianProcess gp = GaussianProcess.condition(X, y, fitted);

        assertThat(fitted.noiseVariance()).isLessThan(1e-3);
        double[] moments = new double[2];
        for (int i = 0; i < X.length; i++) {
            gp.predict(X[i], moments, null, null);
            assertThat(moments[0]).as("mean at x=%s", X[i][0]).isCloseTo(y[i], within(0.01));
            assertThat(moments[1]).as("variance at x=%s", X[i][0]).isLessThan(1e-3);
        }
        // Between training points the process is unsure, and less sure farther out.
        gp.predict(new double[] {0.125}, moments, null, null);
        double between = moments[1];
        assertThat(between).isGreaterThan(1e-4);
        gp.predict(new double[] {0.0}, moments, null, null);
        assertThat(moments[1]).isGreaterThan(X[0][0] < 0.1 ? 0 : between);
        // A smooth function: the mean midway is close to the truth.
        gp.predict(new double[] {0.425}, moments, null, null);
        assertThat(moments[0]).isCloseTo(Math.sin(6 * 0.425) + 0.5 * 0.425, within(0.1));
    }

    @Test
    void fittingImprovesTheMarginalLikelihood() {
        double[] y = targets();
        double before = GaussianProcess.condition(X, y, GaussianProcess.Hyperparameters.defaults(1)).logMarginalLikelihood();

        GaussianProcess.Hyperparameters fitted = GaussianProcess.fit(X, y, 2, new SplittableRandom(1));
        double after = GaussianProcess.condition(X, y, fitted).logMarginalLikelihood();

        assertThat(after).isGreaterThan(before + 1.0);
    }

    @Test
    void theMarginalLikelihoodGradientMatchesFiniteDifferences() {
        SplittableRandom rng = new SplittableRandom(3);
        double[][] x = new double[12][3];
        double[] y = new double[12];
        for (int i = 0; i < x.length; i++) {
            for (int d = 0; d < 3; d++) {
                x[i][d] = rng.nextDouble();
            }
            y[i] = Math.cos(3 * x[i][0]) - x[i][1] + 0.1 * rng.nextGaussian();
        }
        GaussianProcess.Pairs pairs = new GaussianProcess.Pairs(x);
        double[] theta = {Math.log(0.4), Math.log(0.9), Math.log(2.0), Math.log(1.3), Math.log(0.05)};
        double[] gradient = new double[theta.length];
        double value = GaussianProcess.logMarginalLikelihood(pairs, y, theta, gradient);

        double[] ignored = new double[theta.length];
        for (int j = 0; j < theta.length; j++) {
            double h = 1e-6;
            double[] up = theta.clone();
            double[] down = theta.clone();
            up[j] += h;
            down[j] -= h;
            double numeric = (GaussianProcess.logMarginalLikelihood(pairs, y, up, ignored)
                    - GaussianProcess.logMarginalLikelihood(pairs, y, down, ignored)) / (2 * h);
            assertThat(gradient[j]).as("d/dtheta[%d]", j).isCloseTo(numeric, within(1e-5 * (1 + Math.abs(numeric))));
        }
        assertThat(value).isEqualTo(GaussianProcess.condition(x, y, new GaussianProcess.Hyperparameters(
                new double[] {0.4, 0.9, 2.0}, 1.3, 0.05)).logMarginalLikelihood(), within(1e-6));
    }

    @Test
    void thePosteriorGradientMatchesFiniteDifferences() {
        double[] y = targets();
        double[][] x2 = new double[X.length][];
        for (int i = 0; i < X.length; i++) {
            x2[i] = new double[] {X[i][0], 1 - X[i][0] * X[i][0]};
        }
        GaussianProcess gp = GaussianProcess.condition(x2, y, new GaussianProcess.Hyperparameters(new double[] {0.3, 0.7}, 1.2, 1e-4));
        double[] point = {0.4, 0.3};
        double[] moments = new double[2];
        double[] meanGradient = new double[2];
        double[] varianceGradient = new double[2];
        gp.predict(point, moments, meanGradient, varianceGradient);

        for (int d = 0; d < 2; d++) {
            double h = 1e-6;
            double[] up = point.clone();
            double[] down = point.clone();
            up[d] += h;
            down[d] -= h;
            double[] mu = new double[2];
            double[] md = new double[2];
            gp.predict(up, mu, null, null);
            gp.predict(down, md, null, null);
            assertThat(meanGradient[d]).isCloseTo((mu[0] - md[0]) / (2 * h), within(1e-5));
            assertThat(varianceGradient[d]).isCloseTo((mu[1] - md[1]) / (2 * h), within(1e-5));
        }
    }

    @Test
    void fantasiesKeepTheMeanAndCollapseTheVarianceAtPendingPoints() {
        double[] y = targets();
        GaussianProcess gp = GaussianProcess.condition(X, y, new GaussianProcess.Hyperparameters(new double[] {0.2}, 1.0, 1e-6));
        double[] pending = {0.28};
        double[] before = new double[2];
        double[] after = new double[2];
        gp.predict(pending, before, null, null);

        GaussianProcess believer = gp.withFantasies(List.of(pending));
        believer.predict(pending, after, null, null);

        assertThat(believer.size()).isEqualTo(X.length + 1);
        assertThat(after[0]).isCloseTo(before[0], within(1e-9));
        assertThat(before[1]).isGreaterThan(1e-3);
        assertThat(after[1]).isLessThan(1e-5);
        assertThat(gp.withFantasies(List.of())).isSameAs(gp);
    }

    @Test
    void duplicatePointsDoNotBreakTheFactorisation() {
        double[][] x = {{0.5}, {0.5}, {0.5}, {0.2}};
        double[] y = {1.0, 1.1, 0.9, -1.0};
        GaussianProcess.Hyperparameters fitted = GaussianProcess.fit(x, y, 2, new SplittableRandom(2));
        GaussianProcess gp = GaussianProcess.condition(x, y, fitted);
        double[] moments = new double[2];
        gp.predict(new double[] {0.5}, moments, null, null);

        assertThat(moments[0]).isCloseTo(1.0, within(0.1));
        assertThat(Double.isFinite(gp.logMarginalLikelihood())).isTrue();
    }
}
