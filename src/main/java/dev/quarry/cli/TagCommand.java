package dev.quarry.cli;

import dev.quarry.store.CaseFile;
import dev.quarry.store.CaseWork;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "tag", mixinStandardHelpOptions = true,
        description = {"Tag accounts of CASE (audit-logged), or remove a tag with --remove; --list lists the tagged accounts.",
                "Tags hold for every run and appear, |-separated, in the tags column of the CSV export."})
final class TagCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "CASE", description = "the case file")
    Path casePath;

    @Option(names = "--account", paramLabel = "ID", split = ",", description = "accounts to tag (repeat or separate with commas)")
    List<String> accounts;

    @Option(names = "--tag", paramLabel = "NAME", description = "the tag")
    String tag;

    @Option(names = "--remove", description = "remove the tag instead of adding it")
    boolean remove;

    @Option(names = "--list", description = "list every tagged account with its tags")
    boolean list;

    @Override
    public Integer call() throws Exception {
        try (CaseFile caseFile = CaseArgument.openExisting(casePath)) {
            CaseWork work = new CaseWork(caseFile);
            if (list) {
                Map<String, List<String>> tags = work.accountTags();
                if (tags.isEmpty()) {
                    System.out.println("no tagged accounts in " + casePath);
                }
                tags.forEach((account, names) -> System.out.printf(Locale.ROOT, "%-28s %s%n", account, String.join("|", names)));
                return 0;
            }
            if (accounts == null || accounts.isEmpty() || tag == null) {
                throw new IllegalArgumentException("name the accounts with --account ID... and the tag with --tag NAME (or use --list)");
            }
            int changed = remove ? work.untagAccounts(accounts, tag) : work.tagAccounts(accounts, tag);
            System.out.printf(Locale.ROOT, "tag '%s' %s %d of %d account(s)%s%n", tag.strip(), remove ? "removed from" : "added to",
                    changed, accounts.size(), changed == accounts.size() ? "" : remove ? " (the others did not have it)" : " (the others had it)");
            return 0;
        }
    }
}
