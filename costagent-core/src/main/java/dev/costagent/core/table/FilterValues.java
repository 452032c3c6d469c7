package dev.costagent.core.table;

import java.util.AbstractSet;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The values of a {@link Filter}: unmodifiable, in the order given, with the set's hash computed once. A rule's filter
 * holds thousands of resource ids, and a query is the key of the recommendations' answer cache: an ordinary set would
 * add every id's hash again at each lookup.
 */
final class FilterValues extends AbstractSet<String> {

    private final Set<String> values;
    private final int hash;

    private FilterValues(Set<String> values) {
        this.values = Collections.unmodifiableSet(values);
        this.hash = values.hashCode();
    }

    /** The values as a filter keeps them: these very values when they already are, a copy otherwise. */
    static Set<String> of(Set<String> values) {
        return values instanceof FilterValues kept ? kept : new FilterValues(new LinkedHashSet<>(values));
    }

    @Override
    public Iterator<String> iterator() {
        return values.iterator();
    }

    @Override
    public int size() {
        return values.size();
    }

    @Override
    public boolean contains(Object o) {
        return values.contains(o);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public boolean equals(Object o) {
        if (o == this) {
            return true;
        }
        if (o instanceof FilterValues other && other.hash != hash) {
            return false;
        }
        return super.equals(o);
    }
}
