package dev.quarry.analysis;

import java.util.Arrays;
import java.util.List;

/**
 * The links between accounts that a run found, as the account graph draws them: a pair, the family
 * of evidence, a weight in (0,1] and the shared value that makes the link (the card, the IP, the
 * template, the number of synchronized windows). Primitive arrays, since a large case has hundreds
 * of thousands of links.
 */
public final class AccountLinks {
    private final List<String> accountIds;
    private int[] first = new int[1024];
    private int[] second = new int[1024];
    private byte[] family = new byte[1024];
    private float[] weight = new float[1024];
    private String[] sharedValue = new String[1024];
    private int size;

    public AccountLinks(List<String> accountIds) {
        this.accountIds = accountIds;
    }

    public void add(int a, int b, LinkFamily linkFamily, double w, String value) {
        if (size == first.length) {
            int grown = size * 2;
            first = Arrays.copyOf(first, grown);
            second = Arrays.copyOf(second, grown);
            family = Arrays.copyOf(family, grown);
            weight = Arrays.copyOf(weight, grown);
            sharedValue = Arrays.copyOf(sharedValue, grown);
        }
        first[size] = a;
        second[size] = b;
        family[size] = (byte) linkFamily.ordinal();
        weight[size] = (float) w;
        sharedValue[size] = value;
        size++;
    }

    public int size() {
        return size;
    }

    public String firstAccount(int i) {
        return accountIds.get(first[i]);
    }

    public String secondAccount(int i) {
        return accountIds.get(second[i]);
    }

    public LinkFamily family(int i) {
        return LinkFamily.values()[family[i]];
    }

    public double weight(int i) {
        return weight[i];
    }

    public String sharedValue(int i) {
        return sharedValue[i];
    }
}
