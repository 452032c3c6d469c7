package dev.costagent.perf.junit;

import dev.costagent.perf.ClosedLoadBuilder;
import dev.costagent.perf.Load;
import dev.costagent.perf.LoadBuilder;
import dev.costagent.perf.OpenLoadBuilder;
import dev.costagent.perf.ThreadMode;
import dev.costagent.perf.profile.LoadProfiles;
import dev.costagent.perf.spi.LoadProfile;
import dev.costagent.perf.spi.Plugins;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.platform.commons.support.AnnotationSupport;

/** Turns a load annotation plus the overrides into a configured load builder. */
final class LoadPlanner {

    private static final List<Class<? extends Annotation>> LOAD_ANNOTATIONS =
            List.of(LoadTest.class, OpenLoad.class, SpikeLoad.class, CustomLoad.class);

    private LoadPlanner() {}

    /** Whether the element carries one of the load annotations. */
    static boolean isLoadTest(AnnotatedElement element) {
        return LOAD_ANNOTATIONS.stream().anyMatch(a -> AnnotationSupport.isAnnotated(element, a));
    }

    /**
     * The builder the method's annotation describes.
     *
     * @throws IllegalArgumentException for a method with none or several load annotations, or bad attribute values
     */
    static LoadBuilder<?> plan(AnnotatedElement method, String name, Overrides overrides, Plugins discovered) {
        List<Annotation> found = new ArrayList<>();
        for (Class<? extends Annotation> type : LOAD_ANNOTATIONS) {
            AnnotationSupport.findAnnotation(method, type).ifPresent(found::add);
        }
        if (found.size() != 1) {
            throw new IllegalArgumentException(name + " needs exactly one of @LoadTest, @OpenLoad, @SpikeLoad or "
                    + "@CustomLoad, found " + found.size());
        }
        Annotation annotation = found.get(0);
        LoadBuilder<?> builder;
        if (annotation instanceof LoadTest a) {
            builder = closed(a, overrides).threads(a.threads());
        } else if (annotation instanceof OpenLoad a) {
            builder = open(a, overrides).threads(a.threads());
        } else if (annotation instanceof SpikeLoad a) {
            builder = spike(a, overrides).threads(a.threads());
        } else {
            CustomLoad a = (CustomLoad) annotation;
            builder = custom(a, overrides, discovered).threads(a.threads());
        }
        Optional<ThreadMode> threads = overrides.threads();
        threads.ifPresent(builder::threads);
        return builder.name(name);
    }

    private static ClosedLoadBuilder closed(LoadTest a, Overrides o) {
        ClosedLoadBuilder b = Load.closed(o.scaleUsers(positive(a.users(), "@LoadTest users")));
        Duration duration = o.scaleTime(DurationText.parse(a.duration(), "@LoadTest duration"));
        if (a.iterations() < 0 || a.totalIterations() < 0) {
            throw new IllegalArgumentException("@LoadTest iterations and totalIterations must not be negative");
        }
        int bounds = (a.iterations() > 0 ? 1 : 0) + (a.totalIterations() > 0 ? 1 : 0) + (duration != null ? 1 : 0);
        if (bounds > 1) {
            throw new IllegalArgumentException("@LoadTest takes one of iterations, totalIterations or duration");
        }
        if (a.iterations() > 0) {
            b.iterations(o.scaleIterations(a.iterations()));
        } else if (a.totalIterations() > 0) {
            b.totalIterations(o.scaleIterations(a.totalIterations()));
        } else if (duration != null) {
            b.duration(duration);
        }
        Duration warmup = o.scaleTime(DurationText.parse(a.warmup(), "@LoadTest warmup"));
        Duration rampUp = o.scaleTime(DurationText.parse(a.rampUp(), "@LoadTest rampUp"));
        if (warmup != null) {
            b.warmup(warmup);
        }
        if (rampUp != null) {
            b.rampUp(rampUp);
        }
        return b;
    }

    private static OpenLoadBuilder open(OpenLoad a, Overrides o) {
        Duration duration = DurationText.parse(a.duration(), "@OpenLoad duration");
        if (duration == null) {
            throw new IllegalArgumentException("@OpenLoad needs a duration, such as duration = \"30s\"");
        }
        OpenLoadBuilder b = Load.open(a.rate() * o.rateScale())
                .duration(o.scaleTime(duration))
                .maxQueue(a.maxQueue());
        Duration lateness = DurationText.parse(a.maxLateness(), "@OpenLoad maxLateness");
        if (lateness != null) {
            b.maxLateness(lateness);
        }
        return common(b, a.maxConcurrency(), a.warmup(), "@OpenLoad", o);
    }

    private static OpenLoadBuilder spike(SpikeLoad a, Overrides o) {
        Duration spike = DurationText.parse(a.spike(), "@SpikeLoad spike");
        if (spike == null) {
            throw new IllegalArgumentException("@SpikeLoad needs a spike length, such as spike = \"10s\"");
        }
        Duration before = DurationText.parse(a.before(), "@SpikeLoad before");
        Duration after = DurationText.parse(a.after(), "@SpikeLoad after");
        before = before != null ? before : longer(Duration.ofSeconds(5), spike);
        after = after != null ? after : longer(Duration.ofSeconds(10), spike.multipliedBy(2));
        LoadProfile profile = LoadProfiles.spike(
                a.baseRate() * o.rateScale(),
                a.spikeRate() * o.rateScale(),
                atLeast(o.scaleTime(before), 2),
                atLeast(o.scaleTime(spike), 1),
                atLeast(o.scaleTime(after), 3));
        return common(Load.open(profile), a.maxConcurrency(), "", "@SpikeLoad", o);
    }

    private static OpenLoadBuilder custom(CustomLoad a, Overrides o, Plugins discovered) {
        LoadProfile profile;
        if (a.profile() != LoadProfile.class) {
            profile = Instances.create(a.profile(), "load profile");
        } else if (!a.name().isEmpty()) {
            profile = discovered
                    .profile(a.name())
                    .orElseThrow(() -> new IllegalArgumentException(
                            "@CustomLoad name = \"" + a.name() + "\": no LoadProfile with that name is registered in "
                                    + "META-INF/services/" + LoadProfile.class.getName()));
        } else {
            throw new IllegalArgumentException("@CustomLoad needs a profile class or the name of a registered profile");
        }
        return common(
                Load.open(profile.scaled(o.timeScale(), o.rateScale())),
                a.maxConcurrency(),
                a.warmup(),
                "@CustomLoad",
                o);
    }

    private static OpenLoadBuilder common(
            OpenLoadBuilder b, int maxConcurrency, String warmup, String what, Overrides o) {
        if (maxConcurrency < 0) {
            throw new IllegalArgumentException(what + " maxConcurrency must not be negative, got " + maxConcurrency);
        }
        if (maxConcurrency > 0) {
            b.maxConcurrency(maxConcurrency);
        }
        Duration w = o.scaleTime(DurationText.parse(warmup, what + " warmup"));
        if (w != null) {
            b.warmup(w);
        }
        return b;
    }

    private static int positive(int value, String what) {
        if (value <= 0) {
            throw new IllegalArgumentException(what + " must be positive, got " + value);
        }
        return value;
    }

    private static Duration longer(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Duration atLeast(Duration d, long seconds) {
        return longer(d, Duration.ofSeconds(seconds));
    }
}
