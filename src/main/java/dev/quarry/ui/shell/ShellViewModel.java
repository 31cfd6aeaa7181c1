package dev.quarry.ui.shell;

import dev.quarry.analysis.Campaign;
import dev.quarry.analysis.CaseSearch;
import dev.quarry.ui.session.AccountRow;
import dev.quarry.ui.session.CaseSession;
import dev.quarry.ui.session.CaseState;
import dev.quarry.ui.session.Screens;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The main window's state: title, theme, what the search box finds. Screens live in their own packages. */
public final class ShellViewModel {

    private final CaseSession session;
    private final UserSettings settings;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("Quarry");
    private final BooleanProperty dark;

    public ShellViewModel(CaseSession session, UserSettings settings) {
        this.session = session;
        this.settings = settings;
        this.dark = new SimpleBooleanProperty(Boolean.parseBoolean(settings.get("theme.dark", "false")));
        dark.addListener((observable, old, value) -> settings.put("theme.dark", Boolean.toString(value)));
        title.bind(Bindings.createStringBinding(() -> {
            CaseState state = session.state();
            if (state == null) {
                return "Quarry";
            }
            return "Quarry — " + state.path().getFileName()
                    + state.run().map(r -> " — run " + r.runId()).orElse(" — not analysed");
        }, session.stateProperty()));
        session.stateProperty().addListener((observable, old, state) -> {
            if (state != null) {
                settings.addRecentCase(state.path());
            }
        });
    }

    /**
     * Finds what the analyst typed: an account id, a campaign id ("campaign 3" or "#3"), or an IP or
     * card value (accounts whose id contains it); selects it and goes to its screen. Returns what was found.
     */
    public String search(String text) {
        CaseState state = session.state();
        String needle = text == null ? "" : text.strip();
        if (state == null || needle.isEmpty()) {
            return "";
        }
        String lower = needle.toLowerCase(Locale.ROOT);
        String campaignText = lower.startsWith("campaign") ? lower.substring("campaign".length()).strip()
                : lower.startsWith("#") ? lower.substring(1) : null;
        if (campaignText != null) {
            try {
                Optional<Campaign> campaign = state.campaign(Integer.parseInt(campaignText));
                if (campaign.isPresent()) {
                    session.selectedCampaignProperty().set(campaign.get().campaignId());
                    session.screenProperty().set(Screens.CAMPAIGN);
                    return "campaign " + campaign.get().campaignId();
                }
            } catch (NumberFormatException e) {
                // not a number: search it as text below
            }
        }
        Optional<AccountRow> exact = state.account(needle);
        if (exact.isPresent()) {
            session.selectedAccountsProperty().set(Set.of(needle));
            session.focusedAccountProperty().set(needle);
            session.screenProperty().set(Screens.ACCOUNT);
            return "account " + needle;
        }
        // An IP, card, e-mail or part of an id: the matching accounts become the selection.
        session.withCase("Searching for " + needle, (caseFile, progress) -> CaseSearch.accounts(caseFile, needle, progress),
                found -> {
                    session.selectedAccountsProperty().set(Set.copyOf(found));
                    session.statusProperty().set(found.isEmpty() ? "Nothing found for " + needle
                            : found.size() + " account(s) found for " + needle + " are selected");
                    if (!found.isEmpty()) {
                        session.screenProperty().set(Screens.ACCOUNTS);
                    }
                });
        return "searching " + needle;
    }

    /** Runs a new analysis of the open case (earlier runs are kept) and shows it. */
    public void analyse(long seed) {
        if (session.state() != null) {
            session.analyse(session.state().path(), seed);
        }
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    public UserSettings settings() {
        return settings;
    }

    public CaseSession session() {
        return session;
    }

    public Optional<Path> lastCase() {
        String last = settings.get("last.case", null);
        return last == null ? Optional.empty() : Optional.of(Path.of(last));
    }
}
