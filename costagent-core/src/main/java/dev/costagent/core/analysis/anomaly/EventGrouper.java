package dev.costagent.core.analysis.anomaly;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns per-series, per-day detections into events, as AWS Cost Anomaly Detection reports them: one anomaly per
 * event, with its root causes ranked by contribution.
 *
 * <ol>
 *   <li>Same day, same kind: a detection joins an event when their series nest, i.e. one's series is among the
 *       other's root causes (the total's causes name the service, its account and region) or both trace to the same
 *       top resource. The broadest series reports the event (total &gt; ServiceName &gt; SubAccountId &gt; RegionId
 *       &gt; others), the rest are listed in {@code seenIn}.</li>
 *   <li>Consecutive days, same kind, related series: one event over the run of days, its impact the sum of the
 *       days' impacts (excess over expected for the days it lasts), its score the largest.</li>
 * </ol>
 */
final class EventGrouper {
    /**
     * By date, then the broadest series first, then the largest |impact|, then by label. Written out rather than
     * composed of {@code Comparator.comparing} steps: each step's lambda is linked on first use, which in a one-shot
     * run cost more than every comparison after it.
     */
    private static final Comparator<Anomaly> BROADEST_FIRST = new Comparator<>() {
        @Override
        public int compare(Anomaly a, Anomaly b) {
            return broadestFirst(a, b);
        }
    };

    /** Spikes before drops, then the latest first, then the largest |impact| first (written out, as above). */
    private static final Comparator<Anomaly> REPORT_ORDER = new Comparator<>() {
        @Override
        public int compare(Anomaly a, Anomaly b) {
            int c = a.kind().compareTo(b.kind());
            if (c == 0) {
                c = b.date().compareTo(a.date());
            }
            return c != 0 ? c : Double.compare(Math.abs(b.impact()), Math.abs(a.impact()));
        }
    };

    private EventGrouper() {}

    private static int broadestFirst(Anomaly x, Anomaly y) {
        int c = x.date().compareTo(y.date());
        if (c == 0) {
            c = Integer.compare(rank(x.dimension()), rank(y.dimension()));
        }
        if (c == 0) {
            c = Double.compare(Math.abs(y.impact()), Math.abs(x.impact()));
        }
        return c != 0 ? c : x.label().compareTo(y.label());
    }

    /**
     * The events, rises first (most recent first, then by |impact|), then drops.
     *
     * @param scopeDailySpend the scope's mean daily spend, for severity
     */
    static List<Anomaly> group(List<Anomaly> detections, double scopeDailySpend, double threshold) {
        List<Anomaly> sorted = new ArrayList<>(detections);
        sorted.sort(BROADEST_FIRST);
        List<Event> days = new ArrayList<>();
        for (Anomaly d : sorted) {
            Event home = null;
            for (Event e : days) {
                if (e.lastDate.equals(d.date()) && e.kind == d.kind() && e.related(d)) {
                    home = e;
                    break;
                }
            }
            if (home == null) {
                days.add(new Event(d));
            } else {
                home.nest(d);
            }
        }
        List<Event> runs = new ArrayList<>();
        for (Event day : days) { // in date order
            Event run = null;
            for (Event r : runs) {
                if (r.kind == day.kind && r.lastDate.plusDays(1).equals(day.date) && r.overlaps(day)) {
                    run = r;
                    break;
                }
            }
            if (run == null) {
                runs.add(day);
            } else {
                run.extend(day);
            }
        }
        List<Anomaly> out = new ArrayList<>();
        for (Event r : runs) {
            out.add(r.toAnomaly(scopeDailySpend, threshold));
        }
        out.sort(REPORT_ORDER);
        return out;
    }

    /** Broader series first. */
    private static int rank(String dimension) {
        switch (dimension) {
            case "total":
                return 0;
            case "ServiceName":
                return 1;
            case "SubAccountId":
                return 2;
            case "RegionId":
                return 3;
            default:
                return 4;
        }
    }

    /** An event being built. */
    private static final class Event {
        final AnomalyKind kind;
        final Anomaly representative;
        final LocalDate date;
        LocalDate lastDate;
        int days = 1;
        double actual;
        double expected;
        double impact;
        double score;
        Anomaly largestDay;
        final Set<String> labels = new LinkedHashSet<>();
        final Set<String> causes = new LinkedHashSet<>();
        String topResource;

        Event(Anomaly first) {
            this.kind = first.kind();
            this.representative = first;
            this.date = first.date();
            this.lastDate = first.lastDate();
            this.actual = first.actual();
            this.expected = first.expected();
            this.impact = first.impact();
            this.score = first.score();
            this.largestDay = first;
            labels.add(first.label());
            addCauses(first);
        }

        private void addCauses(Anomaly a) {
            for (RootCause c : a.rootCauses()) {
                causes.add(DailySeriesLabel.of(c.dimension(), c.value()));
                if (topResource == null && "ResourceId".equals(c.dimension())) {
                    topResource = c.value();
                }
            }
        }

        boolean related(Anomaly d) {
            if (causes.contains(d.label())) {
                return true;
            }
            for (RootCause c : d.rootCauses()) {
                if (labels.contains(DailySeriesLabel.of(c.dimension(), c.value()))) {
                    return true;
                }
            }
            String resource = null;
            for (RootCause c : d.rootCauses()) {
                if ("ResourceId".equals(c.dimension())) {
                    resource = c.value();
                    break;
                }
            }
            return topResource != null && topResource.equals(resource);
        }

        /** A detection of the same event on a nested (or sibling) series: listed, its dollars not added again. */
        void nest(Anomaly d) {
            labels.add(d.label());
            addCauses(d);
        }

        boolean overlaps(Event other) {
            for (String l : other.labels) {
                if (labels.contains(l) || causes.contains(l)) {
                    return true;
                }
            }
            for (String l : labels) {
                if (other.causes.contains(l)) {
                    return true;
                }
            }
            return topResource != null && topResource.equals(other.topResource);
        }

        void extend(Event next) {
            lastDate = next.lastDate;
            days += next.days;
            actual += next.actual;
            expected += next.expected;
            impact += next.impact;
            score = Math.abs(next.score) > Math.abs(score) ? next.score : score;
            if (Math.abs(next.largestDay.impact()) > Math.abs(largestDay.impact())) {
                largestDay = next.largestDay;
            }
            labels.addAll(next.labels);
            causes.addAll(next.causes);
        }

        Anomaly toAnomaly(double scopeDailySpend, double threshold) {
            List<String> seenIn = new ArrayList<>(labels);
            seenIn.remove(representative.label());
            Double percent = Math.abs(expected) > 1e-9 ? 100 * impact / Math.abs(expected) : null;
            return new Anomaly(
                    representative.dimension(),
                    representative.value(),
                    date,
                    actual,
                    expected,
                    impact,
                    percent,
                    score,
                    Severity.of(score, impact, scopeDailySpend, threshold),
                    largestDay.rootCauses(),
                    kind,
                    lastDate,
                    days,
                    seenIn);
        }
    }
}
