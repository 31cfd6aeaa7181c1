package dev.quarry.ui.shell;

import dev.quarry.ui.accounts.AccountPageView;
import dev.quarry.ui.accounts.AccountPageViewModel;
import dev.quarry.ui.accounts.AccountsView;
import dev.quarry.ui.accounts.AccountsViewModel;
import dev.quarry.ui.campaign.CampaignView;
import dev.quarry.ui.campaign.CampaignViewModel;
import dev.quarry.ui.export.ExportView;
import dev.quarry.ui.export.ExportViewModel;
import dev.quarry.ui.graph.AccountGraphScreen;
import dev.quarry.ui.importwizard.ImportPresets;
import dev.quarry.ui.importwizard.ImportWizardView;
import dev.quarry.ui.importwizard.ImportWizardViewModel;
import dev.quarry.ui.map.AccountMapView;
import dev.quarry.ui.map.AccountMapViewModel;
import dev.quarry.ui.timeline.TimelineView;
import dev.quarry.ui.timeline.TimelineViewModel;
import dev.quarry.ui.overview.OverviewView;
import dev.quarry.ui.runs.RunsView;
import dev.quarry.ui.runs.RunsViewModel;
import dev.quarry.ui.overview.OverviewViewModel;
import dev.quarry.ui.session.CaseSession;
import dev.quarry.ui.session.Screens;
import dev.quarry.ui.start.StartView;
import dev.quarry.ui.start.StartViewModel;
import dev.quarry.ui.task.TaskExecutor;
import org.kordamp.ikonli.feather.Feather;

import java.util.ArrayList;
import java.util.List;

/**
 * Wires the workbench: one session, the shell's model and the screens, in navigation order. To add
 * a screen, add one {@link ScreenEntry} to {@link #screens()} with a view built on {@link #session()}.
 */
public final class Workbench {

    private final CaseSession session;
    private final UserSettings settings;
    private final ShellViewModel shell;
    private final StartViewModel start;
    private final ImportWizardViewModel importWizard;
    private final List<ScreenEntry> screens = new ArrayList<>();
    private ShellView view;

    public Workbench(TaskExecutor executor, UserSettings settings) {
        this.session = new CaseSession(executor);
        this.settings = settings;
        this.shell = new ShellViewModel(session, settings);
        this.start = new StartViewModel(session, settings);
        this.importWizard = new ImportWizardViewModel(session, new ImportPresets(settings.directory().resolve("presets")));
        start.onImport(importWizard::addFiles);
        screens.add(new ScreenEntry(Screens.START, "Start", Feather.HOME, false,
                () -> new StartView(start, () -> view().fireOpen(), () -> view().fireNew())));
        screens.add(new ScreenEntry(Screens.IMPORT, "Import", Feather.UPLOAD, false,
                () -> new ImportWizardView(importWizard, session)));
        screens.add(new ScreenEntry(Screens.OVERVIEW, "Overview", Feather.PIE_CHART, true,
                () -> new OverviewView(new OverviewViewModel(session))));
        screens.add(new ScreenEntry(Screens.ACCOUNTS, "Accounts", Feather.USERS, true,
                () -> new AccountsView(new AccountsViewModel(session))));
        screens.add(new ScreenEntry(Screens.ACCOUNT, "Account page", Feather.USER, true,
                () -> new AccountPageView(new AccountPageViewModel(session))));
        screens.add(new ScreenEntry(Screens.CAMPAIGN, "Campaign", Feather.TARGET, true,
                () -> new CampaignView(new CampaignViewModel(session))));
        screens.add(new ScreenEntry(Screens.RUNS, "Runs", Feather.LAYERS, true,
                () -> new RunsView(new RunsViewModel(session))));
        screens.add(new ScreenEntry(Screens.GRAPH, "Account graph", Feather.SHARE_2, true,
                () -> AccountGraphScreen.create(session, executor)));
        screens.add(new ScreenEntry(Screens.CAMPAIGN_GRAPH, "Campaign graph", Feather.GIT_MERGE, true,
                () -> AccountGraphScreen.createForCampaign(session, executor)));
        screens.add(new ScreenEntry(Screens.TIMELINE, "Timeline", Feather.ACTIVITY, true,
                () -> new TimelineView(new TimelineViewModel(session, executor))));
        screens.add(new ScreenEntry(Screens.MAP, "Account map", Feather.MAP, true,
                () -> new AccountMapView(new AccountMapViewModel(session))));
        screens.add(new ScreenEntry(Screens.EXPORT, "Export and verify", Feather.PACKAGE, true,
                () -> new ExportView(new ExportViewModel(session), this::openFolder)));
    }

    /** Opens a folder in the platform's file manager, off the FX thread (it may block). */
    void openFolder(java.nio.file.Path folder) {
        session.run("Opening " + folder, progress -> {
            if (java.awt.Desktop.isDesktopSupported()) {
                java.awt.Desktop.getDesktop().open(folder.toFile());
            } else {
                new ProcessBuilder("xdg-open", folder.toString()).start();
            }
            return folder;
        }, opened -> { });
    }

    public List<ScreenEntry> screens() {
        return screens;
    }

    public CaseSession session() {
        return session;
    }

    public ShellViewModel shell() {
        return shell;
    }

    public StartViewModel start() {
        return start;
    }

    public ImportWizardViewModel importWizard() {
        return importWizard;
    }

    public UserSettings settings() {
        return settings;
    }

    /** The main window's content, built once. */
    public ShellView view() {
        if (view == null) {
            view = new ShellView(this);
        }
        return view;
    }
}
