"""Mutation testing of the pure modules with mutmut (issue 26): how many small bugs their tests catch.

    .venv/bin/pip install -e '.[mutation]'
    nice -n 10 .venv/bin/python tools/mutation.py captions    # one target
    nice -n 10 .venv/bin/python tools/mutation.py --all       # every target (hours on 2 cores)
    .venv/bin/python tools/mutation.py --list                 # the targets and their tests
    .venv/bin/python tools/mutation.py --report captions      # the last run's figures, survivors shown
    .venv/bin/python tools/mutation.py --refresh captions     # after a change: its functions again

Each target is one module and the test files that should catch its bugs (not the whole suite);
every module of parse/, parse/sources/, script/, normalize/ and assembly/ has one. Targets named
together that share their tests run in one copy.
mutmut works in a copy of the checkout (uncommitted work included) under --work, outside the
repository by default, so the working tree is never mutated and others editing it see nothing.
One line per target: killed/total and the score; survivors are listed by mutmut's name, and
``--report NAME`` shows each survivor's diff. The goal is 90 % killed; a survivor that stays must
be an equivalent mutant (no behaviour a user could see changes), named in the note of the change.
CI does not run this: a run takes minutes to an hour per module.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from checkout import ROOT, copy_checkout  # tools/ is on the path: this script's folder
MUTMUT = Path(sys.executable).with_name("mutmut")


@dataclass(frozen=True)
class Target:
    module: str  # relative to the checkout
    tests: tuple[str, ...]  # test files (or node ids) that should catch the module's bugs
    slow: tuple[str, ...] = ()  # node ids left out: seconds each, run for every mutant they cover


T = "tests/"
# the text-level tests of test_verify.py (its others make and hear takes: seconds each)
VERIFY_UNITS = tuple(T + "test_verify.py::" + name for name in (
    "test_english_numbers_and_symbols_meet_in_words", "test_chinese_traditional_simplified_and_numbers_meet",
    "test_alignment_counts_edits", "test_a_faithful_take_passes_and_small_mishearings_are_tolerated",
    "test_another_sentence_fails_on_word_errors", "test_missing_ending_is_truncation",
    "test_speech_after_the_text_fails", "test_silence_fails", "test_chinese_is_compared_by_characters",
    "test_display_words_keep_the_text_as_shown", "test_timed_words_follow_the_recognizer_and_fill_gaps",
    "test_webvtt_carries_word_timestamps"))
TARGETS: dict[str, Target] = {
    # publishing
    "captions": Target("narrator/publishing/captions.py",  # not the published-lesson and browser tests
                       (T + "test_captions_layout.py::test_long_english_sentences_become_two_line_cues_broken_at_phrases",
                        T + "test_captions_layout.py::test_chinese_lines_hold_at_most_eighteen_characters",
                        T + "test_captions_layout.py::test_a_short_sentence_is_one_cue_and_a_quick_one_stays_whole",
                        T + "test_captions_layout.py::test_word_timed_cues_split_where_their_words_are_spoken",
                        T + "test_captions_cues_exact.py")),
    "manifest": Target("narrator/publishing/manifest.py",
                       (T + "test_manifest.py", T + "test_manifest_exact.py")),
    # synthesis
    "takes": Target("narrator/synthesis/takes.py", (T + "test_takes_planning.py",)),
    "cache": Target("narrator/synthesis/cache.py",
                    (T + "test_cache.py", T + "test_cache_store_exact.py")),
    "verify-compare": Target("narrator/synthesis/verify/compare.py", (*VERIFY_UNITS, T + "test_verify_compare_exact.py")),
    "verify-words": Target("narrator/synthesis/verify/words.py", (*VERIFY_UNITS, T + "test_verify_words_timed.py")),
    # script
    "style": Target("narrator/script/style.py", (T + "test_style.py", T + "test_style_labels_and_ties.py"),
                    (T + "test_style.py::test_on_real_documents_references_and_bold_heavy_pages_are_rarely_excited",)),
    "casting": Target("narrator/script/casting.py", (T + "test_casting.py", T + "test_casting_roles_exact.py")),
    "lexicon": Target("narrator/script/lexicon.py",
                      (T + "test_lexicon.py", T + "test_pronunciation.py", T + "test_lexicon_terms_exact.py")),
    "spoken": Target("narrator/script/spoken.py", (T + "test_markdown_extras.py", T + "test_formulas_spoken.py",
                                                   T + "test_spoken_*_exact.py")),
    # the whole-page tests (seconds per mutant) left out: test_maths_pages_exact.py says their
    # formulas exactly, in process
    "script-maths": Target("narrator/script/maths.py", (T + "test_maths*.py", T + "test_formulas_spoken.py"),
                           (T + "test_formulas_spoken.py::test_wikipedia_hermitian_matrix_formulas",
                            T + "test_formulas_spoken.py::test_no_tex_reaches_the_engine_and_long_formulas_are_reported")),
    # parse
    "chapters": Target("narrator/parse/chapters.py", (T + "test_chapters.py", T + "test_chapters_from_blocks.py")),
    "labels": Target("narrator/parse/labels.py", (T + "test_labels.py", T + "test_labels_rules_exact.py")),
    "formats": Target("narrator/parse/formats.py", (T + "test_formats.py", T + "test_formats_exact.py")),
    "lines": Target("narrator/parse/lines.py", (T + "test_parse.py", T + "test_parse_lines_exact.py")),
    "notes": Target("narrator/parse/notes.py", (T + "test_notes.py", T + "test_notes_placement_exact.py")),
    # assembly
    "leveling": Target("narrator/assembly/leveling.py", (T + "test_audio_cores.py", T + "test_audio_leveling_exact.py",
                                                         T + "test_audio_loudness_exact.py")),
    "loudness": Target("narrator/assembly/loudness.py", (T + "test_audio_cores.py", T + "test_audio_leveling_exact.py",
                                                         T + "test_audio_loudness_exact.py")),
}

# Every other module of the stages in scope gets a target with its stage's tests (globs, so a new
# test file named for its stage is picked up; mutmut runs only the tests that reach the mutated
# function). Left out: the timing tests of test_hostile_inputs.py and the 63-document
# test_corpus_parse.py (seconds per mutant; they guard speed and the corpus, not small bugs).
PARSE_TESTS = tuple(T + g for g in (
    "test_parse*.py", "test_source_*.py", "test_chapters*.py", "test_labels*.py", "test_notes*.py",
    "test_own_contents*.py", "test_second_opinion*.py", "test_collapsible_olx*.py", "test_drawings*.py",
    "test_language_of_page.py", "test_formats*.py", "test_texmacros_language.py", "test_tables*.py",
    "test_chrome*.py", "test_olx*.py"))
SCRIPT_TESTS = tuple(T + g for g in (
    "test_sentences*.py", "test_plan*.py", "test_style*.py", "test_casting*.py", "test_lexicon*.py",
    "test_maths*.py", "test_formulas_spoken.py", "test_markdown_extras.py", "test_normalize_*.py",
    "test_zh_typography*.py", "test_polyphones*.py", "test_corrections*.py", "test_spoken*.py"))
# tests of seconds each (a subprocess for a one-line error, the one-megabyte and 10,000-level
# documents, whole real pages): kept in, each surviving mutant of the walk would cost minutes
PARSE_SLOW = tuple(T + n for n in (
    "test_formats.py::test_a_broken_docx_is_one_line",
    "test_formats.py::test_other_files_are_refused_naming_the_accepted_types",
    "test_formats.py::test_a_course_folder_takes_every_kind_of_lesson",
    "test_formats.py::test_word_styles_become_chapters_emphasis_and_tables",
    "test_collapsible_olx.py::test_an_olx_pointer_file_says_which_file_holds_the_content",
    "test_collapsible_olx.py::test_other_xml_is_refused_in_one_line",
    "test_parse.py::test_one_megabyte_document_parses_completely",
    "test_parse.py::test_ten_thousand_levels_do_not_crash",
    "test_parse.py::test_form_textarea_on_a_content_page_is_ignored",
    "test_source_news_zh_texts.py::test_furniture_of_a_deep_page_is_found_in_a_few_passes_over_it",
    "test_source_baike.py::test_baike_entry_is_read_without_the_site"))
# the same for the script stage: 76 of the 109 s each surviving mutant cost
SCRIPT_SLOW = tuple(T + n for n in (
    "test_sentences_linear.py::test_a_long_hostile_paragraph_is_cut_into_pieces_that_fit",
    "test_style.py::test_on_real_documents_references_and_bold_heavy_pages_are_rarely_excited",
    "test_sentences.py::test_jieba_is_lazy_and_silent",
    "test_casting.py::test_dry_run_shows_who_says_what",
    "test_normalize_zh.py::test_never_raises_and_is_idempotent_on_fuzz",
    "test_plan.py::test_large_mixed_document_plans_completely"))
ASSEMBLY_TESTS = (T + "test_audio*.py", T + "test_assembly*.py")
STAGES = (("narrator/parse", "parse", PARSE_TESTS, PARSE_SLOW),
          ("narrator/parse/sources", "source", PARSE_TESTS, PARSE_SLOW),
          ("narrator/script", "script", SCRIPT_TESTS, SCRIPT_SLOW),
          ("narrator/normalize", "normalize", SCRIPT_TESTS, SCRIPT_SLOW),
          ("narrator/assembly", "assembly", ASSEMBLY_TESTS, ()))


def _every_module() -> dict[str, Target]:
    """A target named ``<stage>-<module>`` for each module of STAGES without one above (an
    ``__init__.py`` of a few lines has nothing to mutate)."""
    named = {t.module for t in TARGETS.values()}
    found: dict[str, Target] = {}
    for folder, stage, tests, slow in STAGES:
        for path in sorted((ROOT / folder).glob("*.py")):
            module = f"{folder}/{path.name}"
            if module in named or (path.name == "__init__.py" and len(path.read_text(encoding="utf-8").splitlines()) < 40):
                continue
            found[f"{stage}-{path.stem.replace('__init__', 'init')}"] = Target(module, tests, slow)
    return found


TARGETS.update(_every_module())


# Survivors judged harmless at the last full run (2026-12, issue 26), by target: mutants that change
# nothing a user or a caller can observe here. A new survivor not covered by these is a missing test.
HARMLESS: dict[str, str] = {
    "captions": "DP internals that cannot change the optimum (the early 'wider ranges' exit and its bounds, best[] "
                "size and seed, i = -1, continue/break where infeasibility only grows, a constant added to every "
                "layout, ties); _lines' own limits on one-token lines (the DP places such a token alone either way); "
                "cost weights and penalties moved by one (tuning); the first token's penalty (never a break); quotes "
                "stripped around a conjunction or article (a quoted 'and' only); _word_offsets for empty words (never"
                " produced); a partial word list's times (takes always time every word); jieba HMM on/off (unknown "
                "words only); the 1-second limits moved by <=; to_vtt's final newline test (parts[-1] is always "
                "empty); 'XXWFXX' (still contains W, F).",
    "cache": "permission and I/O failures root cannot cause (unreadable fan-out folder, take that cannot be removed: "
             "18; test_cache.py covers them through setpriv in a subprocess, which mutmut cannot see); races (a file "
             "vanishing between listing and use); fsync (power loss only); encoding None/'UTF-8' and "
             "ensure_ascii=None (same bytes here); timing boundaries (<= vs <).",
    "manifest": "encoding None/'UTF-8', ensure_ascii=None; record |= on an empty dict; a 0-byte book piece rejected "
                "(only costs a re-encode; never produced); without_password's or/and (same URL).",
    "takes": "encoding None/'UTF-8', ensure_ascii=None; the pronunciation format's default spelled otherwise "
             "(render() reads an unknown format as plain).",
    "verify-words": "spans of 3 equal values (only 2 read); the early return for empty ref or hyp (the alignment "
                    "finds nothing either).",
    "chapters": "_ROMAN only admits upper-case numerals (rstrip variants); seen_level None vs False; <= where == was "
                "already taken; how == 'heading' iff heading is not None.",
    "style": "the block-look cache key (recomputed, same result); tie-break defaults for keys no rule names; "
             "emotion()'s default text (every caller passes it); n >= 0 where n >= need > 0.",
    "lexicon": "_is_wordch at the edges of its ranges ('_', U+00C0, U+04FF) and the '*' table's own key.",
    "labels": "'weak' spelled otherwise (only 'strong' is compared); limits moved by one (60/61 characters, "
              "LABEL_LIMIT, two or three parts of a row); the Chinese word count of a credit (short either way); "
              "extra characters stripped around a credit's words.",
    "normalize-init": "len(pieces)>2 (a split with an exponent always gives three or more).",
    "normalize-en": "(a third of its mutants measured) rule names spelled otherwise (a name only joins a rule's "
                    "pattern, group and handler); _hex digits (the repeat pass says them); _month_name's stop and "
                    "unknown month (never captured); _month_year's fallback (a year always follows); _quarter "
                    "group(2) for group(1).",
    "normalize-en_numbers": "a one-digit whole number with a leading zero is zero either way.",
    "normalize-en_tables": "pop without a default ('pm' is always there).",
    "normalize-runs": "category strings padded with XX (no category starts with X).",
    "normalize-zh": "(a fifth of its mutants measured) _years' joiner strings padded with XX.",
    "normalize-zh_typography": "_close_gaps' last=None; _inside_word's None checks and left.start() (a gap always has"
                               " a character on each side).",
    "normalize-markup": "_say_comparisons' strip and space skipping (the final whitespace collapse evens them out).",
    "normalize-pronounce": "ü/Ü case (upper-cased after); the vowel count (only its truth is read).",
    "normalize-addresses": "default lang spelled otherwise; _path's padded '/.~' and guards for an empty parts list.",
    "notes": "the default note key's spelling; the cue Block's default lang; 'break' filters (breaks never enter a "
             "note group); the text joined for the traditional-script check.",
    "script-planner": "(full mutmut run, sessions 34-35: 1,754 of 1,852 killed, 94.7 %, counting _block 262 and "
                      "_said_pieces 59, 64-69, killed by tests newer than the run's copy (test_plan_mutants_s34.py, "
                      "the cut-sentence test of test_plan_formula_sentences_exact.py), each checked with "
                      "MUTANT_UNDER_TEST; all 98 survivors named below) _cut_rank 3->4 and its i+1<len guard (ranks 0-2 "
                      "only); _split sum<= vs <; _with_blocks [0]/[1], shifting block -1/0; _shares 'or 2', p<=b; "
                      "_clause_pieces current=None, split(None); 'sub' respelled (only 'sup' compared); _said_pieces:"
                      " formula begun before the piece (units empty then), a unit of at most limit//3 or //4 sent to "
                      "_clause_pieces (one part, same span), /3 for //3, hi >= lo, the 'XXXX' fallback; _pack best[] "
                      "size, constant costs, pieces+2, i from n+1 or to -1, continue->break, max(length, 1); _cover's"
                      " start scan and loosened guards, or/<=, hi >= lo, 'or True' on words; _said_span hi < a, "
                      "after_formula None for False, or True at the start (the first piece has nothing said before "
                      "it to attach to); "
                      "_without hi < a, lo > b; _fit_said limit/4 as the quarter floor (not strictly equivalent: "
                      "split_long's fragment threshold moves 1/16 character when the floor is taken and the limit is "
                      "no multiple of 4; no cut changed over limits 40-160); spoken_text defaults respelled, "
                      "'XXIVXLCDMXX', len(numeral) > 2 (any numeral but 'I' passes != 'I'), the second normalize pass"
                      " always or without user abbreviations; abbreviations_for's 'XXXX' default; region_of "
                      "split(None)/'XX-XX' (callers pass a bare language) and None for '' (read with 'or'); _tag "
                      "upper(); finish's empty-lexicon shortcut; _work 2 per block or ticking at <= 1; chapter()'s "
                      "break respelled in the first-readable search; __init__ config=None, _numbered None, "
                      "default_lang 'EN', stem '' for ''; tag defaults of spoken/region/abbreviations (every caller "
                      "passes tag), spoken's flag inverted, cache skipped or keyed None (spoken_text is pure); "
                      "_item_number k <= level; _block: lead default 'XXXX', region test on 'XX-XX' (still has '-'), "
                      "'XXXX' for no region (a tag without '-' is never a region), plain fast path always/never (same"
                      " emotion and language), formulas collected whatever 'said' (only math runs; any makes 'said' "
                      "true), opaque sorted without links, _without with no ranges for the probe (spaces collapsed), "
                      "saying 1 without a said form, float limits for _said_pieces (whole lengths, floor division), a"
                      " formula sentence saying at most the limit sent to _said_pieces (>=, 'or': one piece saying "
                      "the same; not strictly equivalent: trims the trailing space of a span sentences.py hard-cut).",
    "script-sentences": "(full mutmut run, sessions 34-35: 1,305 of 1,408 killed, 92.7 %, counting 14 killed by "
                        "tests newer than the run's copy, test_sentences_mutants_s34.py and "
                        "test_sentences_cut_preferences_exact.py, each checked with MUTANT_UNDER_TEST; the 103 "
                        "survivors all named below) the default lang 'en' respelled (split_sentences, "
                        "sentence_spans, sentence_pieces, split_long, _sentence_spans' detect_lang: English rules "
                        "apply everywhere); is_cjk_lang/normalize_lang maxsplit (only [0] read); detect_lang word "
                        "count 12, 15 (only non-zero read); sentence_pieces kept ranges' count (kept.saved never "
                        "read), out[-1][2] <= a, limit / 2, b >= a; _ends_sentence lstrip; _Ranges nested on equal "
                        "ends, saved j >= i; _sentence_spans said < short; _raw_spans line-break end, end=None; "
                        "_Depth pos None; _add_trimmed 'or'; _is_boundary nxt_m checks, 'XX.…XX'; _period_ends "
                        "look-back unbounded or lo None (1, 17, 25, 33, 44: only tokens over 24 characters without a "
                        "space; the bound keeps it linear), 24/25, multi window 12/13 or open-ended (patterns under "
                        "12 characters), m.start() < dot, dot <= m.end(), ordinal noun at dot+2; _line_start "
                        "nl<=0/<1, lstrip/rstrip; _is_cjk_or_punct 0x3040; _after_function_word 13-character window; "
                        "_word_cuts 0 <= c; _split_long early return n+s0 or <, keep or True, first pass dropped (57:"
                        " the word pass's clause places cost nothing), overflow=None (65, 105, 130, 162, 197), soft "
                        "dropped in the first pass (66, 75: all its places are clause places), words=None (85), s0 <="
                        " w (91), end >= s (238, 244: empty pieces dropped), n or True (256: n == 0 returned "
                        "earlier), inner pass with overflow (177: it runs only after a split that fits, over a superset of its "
                        "places, so another place always follows within the limit), len(ok) <= len(clause) (188: "
                        "with no clause mark in a short bracket ok is clause and the extra pass repeats the first, "
                        "which found nothing); _aside_cuts s0 <= a, a <= n; _clause_cuts finditer without n (7, 18, 24), s0 <= "
                        "end, nxt 'XXxXX' (not upper, like 'x'); _bracket_spans -2 for -1 (7, 45, 68: only the sign "
                        "read), apostrophe at offset 0/1 (nothing to close); _inside_brackets b+a>1, b-a>=1 (a "
                        "one-mark span nets zero); _best_cuts end entry's cost or index (37-41, 43: every solution "
                        "carries it once), p+2 (123), lo > len(ends) (71), range(lo+1) (75: an empty piece costs a "
                        "stub more), continue->break (82: feasibility only worsens leftwards), end >= start (86), "
                        "loop to -2 (148), from_word None (166), nxt None branches (180, 183, 184); _Stubs.is_stub a "
                        "> b, return 2 (never asked about an empty piece); _split_long's last fallback [] or (1, n) "
                        "(255, 257: only text with no letter or digit gets there, which _raw_spans drops and "
                        "_fit_said never cuts). Open, not proven equivalent (2): "
                        "_best_cuts 125, 132 (the fragment penalty squared made doubled or cubed: it only decides "
                        "between splits equal in stubs, word cuts and pieces; an exhaustive search over 470,000 "
                        "random cut layouts found one such pair, with pieces of 4 and 7 characters, stubs in any "
                        "sentence; none in about 100,000 random sentences and limits, nor in every sentence of 4 to "
                        "6 clauses of 1 to 6 words at six limits from 16 to 40, 334,368 splits, session 36).",
    "spoken": "default lang spelled otherwise (only 'zh...' compared); link_spans end>=start (a match is never only "
              "trailing marks); a host's '' fallback (groups always match); bar-list and->or (needs a bar).",
    "script-maths_units": "µ/μ fallbacks of the Chinese table (every µ entry has its μ twin); prefix defaults None/''"
                          " (both falsy); len>=1 where symbol[1:] must be a unit; power 0 and size 3 branches (0 "
                          "filtered, 3 is 'cubed'); 'before' reset/start 1 (before or 1); [A-Z] lookahead and macro "
                          "case (no capitals in siunitx units); 'X' in known()'s prefixes (no words: None either "
                          "way).",
    "script-maths_words": "_macro_free's replacement and case (command names are allowed anyway); slots translated "
                          "when kept or more than once (same text, same translation); expand() without backslashes.",
    "script-maths": "(session 39: siunitx read whole, ratios in brackets, expectations' square brackets, "
                    "a chain of colons scanned once. The copy /tmp/m36-m refreshed with --refresh after each change "
                    "and run to the end on the final code: 5,971 mutants, 5,665 killed and 44 timed out (5,709, "
                    "95.6 %); 5,761 (96.5 %) with the 52 killed since by tests/test_maths_survivors_s39.py (each "
                    "checked with MUTANT_UNDER_TEST). Of the 210 left, 169 are the same mutants (function and "
                    "changed lines) as session 38's second run's survivors, named in tools/mutation_reviews/"
                    "script-maths-s38-a.md to -d.md; the other 41 (8 killable only by contrived or broken input, 33 "
                    "harmless) are named in script-maths-s39.md.) "
                    "(session 38: maths.py tidied (run split into run, digits, colon, macro; one _before walk; dead "
                    "clauses gone) and 16 readings mended. The copy /tmp/m36-m refreshed by hand four times (what "
                    "--refresh now does); the second full run, on the code of 980d880: 5,433 mutants. Of the 3,897 in "
                    "functions not changed after it, 3,760 killed or timed out, 3,767 (96.7 %) with the kills screened "
                    "with MUTANT_UNDER_TEST (tests/test_maths_survivors_s38_a.py: colon 16, 22, 35, 62, 67, "
                    "_quantified 8, placeholder 20); the 130 others are named in tools/mutation_reviews/"
                    "script-maths-s38-a.md, -b.md, -c.md, -d.md. The 1,536 of atoms, run, macro, called, _ratio_after, "
                    "_figure_before, matrix and __init__ (and the new _principal) changed after it with the review's "
                    "fixes: 1,135 killed of the 1,196 checked (macro's 340 not checked), their survivors named in the "
                    "same files under the older numbers; run them again with --refresh.) "
                    "(session 37: the session's new readings (composition, ratios, kets, floors, charges in Chinese...) "
                    "changed run, units, called, operand_before, placeholder, sim, delimited, script, big_operator, "
                    "_charge and speak_symbols and added eight functions. The copy /tmp/m36-m refreshed with the final "
                    "code and resumed: 5,360 mutants, 4,293 checked when the run was stopped for the final CI (1,067 "
                    "of run's not checked); mutmut killed 3,486 with its first test list; screening the survivors and "
                    "the new functions with MUTANT_UNDER_TEST against the newer files (test_maths_survivors_s37_a/b/c.py, "
                    "test_maths_compositions_ratios_and_signs.py and the s35/s36 files) brings it to 3,888 (90.6 %), "
                    "4,009 (93.4 %) with session 36's screening of limits, evaluated, _sized and _arrow_after (code "
                    "unchanged since). The survivors named are in tools/mutation_reviews/script-maths-s37-a.md, -b.md "
                    "(a helper's each, on the first refresh) and -c.md (the final code); about 90 mutants of changed "
                    "functions are not screened to the end yet (listed at the end of -c.md).) (session 36: test_maths_said_exact_s36.py kills 73 of the review's changeable survivors (numbers "
                    "of the session-35 copy /tmp/m34-m, each checked with MUTANT_UNDER_TEST); of the other 18, the "
                    "only inputs that turn operand_before 11/12 (\\mathbf{}-1 in Chinese), called 116 (cost (x)), "
                    "called 18 (\\lambda^{\\max}(A)), placeholder 27/33 (D(p\\|\\cdot)) and _plain_chars 9 "
                    "(mixed-case command names) give readings that are wrong either way (product bugs in the session "
                    "note); _summarised 66, number_set 59, script 65, sim 21, units 242, called 28 and speak_symbols "
                    "186 turn only on contrived inputs ({X=}, 'times' in a Chinese exponent, a bare environment as an "
                    "exponent, a capital X between units, all 14 superscripts in one text); run 866/867 (\\S, \\O) "
                    "and units 17/293 are code changed since. A run on this session's code was stopped for the final "
                    "CI before it ended; the 155 mutants of its new functions (limits, evaluated, _sized, "
                    "_arrow_after, _charge), which mutmut had no test for, were screened with MUTANT_UNDER_TEST: 152 "
                    "are killed; limits 1 ('' made None: falsy alike) and _sized 8, 9 (pylatexenc takes the space "
                    "after a command, so the atom before a bracket is the command itself, found at any step) are "
                    "harmless. The survivors of the functions this session changed (run, units, script, "
                    "speak_symbols, operand_before, big_operator) are not reviewed yet.) "
                    "(session 35: the full mutmut run ended, 4,133 of 4,396 killed or timed out; 4,157 "
                    "(94.6 %) with test_maths_said_exact_s35.py, each of its 24 kills checked with "
                    "MUTANT_UNDER_TEST. A review of the run's 263 survivors against this list found 38 not "
                    "named, and 53 named and 24 of the 'open' ones that an input does turn, each with its input "
                    "in tools/mutation_reviews/script-maths-s35.md (24 of them killed since): the names below are "
                    "not all proven harmless. Older text follows.) (an earlier session: 1,287 of 4,351 checked by mutmut before the session's tests, 1,182 killed and 23 "
                    "timeouts; the rest replayed in process against the maths tests' 1,602 calls: about 4,080 of "
                    "4,351 killed with the session's tests) delimited: `min(cuts)` without a key (every cut's left "
                    "side is a prefix of the same atoms); `bar_closes` `q>0` (a blank first atom is no operand); "
                    "`called`: `k>0` loop, bracket-bound checks (the bracket follows the letter), `_closing` from "
                    "k+3; `big_operator` limits None (falsy, never printed); fraction `len(b)` bounds (needs an empty"
                    " item); `number_set` `_w('times', None)` (Chinese replaced by itself); operand_before 'left' "
                    "(\\left is blank, skipped); `partner` bars from 1 or `>=` (a value's closing bar is always an odd"
                    " count); `\\$ \\# \\&` (no word either way); `\\\\` out of the newline list (`_WORDS` gives the same "
                    "pause); floor/ceiling pause after an operator (tidy merges it); script's "
                    "`startswith('\\\\')`/`target[1]`/'XXcXX' (a character's key is one letter); the `(dd)` check "
                    "'XXXX'/`or g`; `len(order)<=3`; the `sim` triangle window 5; units: the `before` step "
                    "(pylatexenc keeps a macro's spaces), `committed` 'XXXX'/`or True`, `pieces` (never read), number"
                    " None, `\\si` option as number (plural only), arguments without braces, 'X' as separator, an "
                    "empty `said`; `run`'s `\\SI` pre-unit `args[+1:]` (the list always holds exactly two arguments). "
                    "Open, not proven equivalent: `called` 7, 8, 18, 110 (a formula opening with ^ or _, "
                    "`y^{\\max}(t)`, `cost\\,(x)`); `placeholder` 20 (`(· b)`); `partner` 39 (bars nested two deep); "
                    "`run` 866, 867 (one-letter text commands such as \\S); `script` 275, 280 (bold powers without "
                    "braces); `units` 165, 169, 184, 200, 204, 227 (unit runs with odd spacing); 55 `long_formulas` "
                    "mutants the replay could not call (left to mutmut). Earlier sessions: (not all measured: 225 of "
                    "4,161 checked by mutmut, 211 killed; 1,404 more screened in process by replaying the maths "
                    "tests' 1,453 calls under each mutant; last session 1,672 of 4,133) language names in capitals or"
                    " other than 'zh' (power_words, _minus, _w compare only 'zh'; _base and normalize lower-case "
                    "'EN'; a foreign reading never reads its tag: _read/_summary with None); whole=None for False; "
                    "tolerant_parsing left out (pylatexenc's default is True); braces are groups, never characters, "
                    "and a lone bar is handled earlier; ('c','{') never an atom; argument index within spec; every "
                    "macro node has parsed arguments (nodeargd 'or True'); atoms' comment/None check; k+1/k+2 bound; "
                    "empty matrix default and its name (says nothing); \\rvert/\\rVert never atoms (delimiters become "
                    "characters); operand_before: the first atom, a bare \\right, a formula opening with a closing "
                    "bracket, environments, macros whose words are no operator word (mp, left, sum, int, prod, cap, "
                    "cup, land, lor, wedge, vee, setminus, frac), an empty \\mathbf{}/\\text{}, group-only checks; "
                    "'sum' also a big operator; cvc<->vcv; 'gcd' has no vowel; 'X' (alphanumeric, handled earlier); "
                    "no environment name ends in X and no relation name starts with X; operatorname/mathop "
                    "exclusions; _plain_chars (only a stray \\end{...}: ASCII, unchanged in any language); ~ keys "
                    "\\mathcal/\\triangle/△; one atom's reading is one item; _ordinal 10/20 and %101 (orders have at "
                    "most two digits); None for '' where only truth is read; _split_top's and _terms' depth sign "
                    "(only zero is read); _thousands with a command among digits; number()'s lstrip('XX+XX'); spaces "
                    "after \\cdot (kept by pylatexenc); ⟨ | ‖ around a dot (read by delimited() first); matrix()'s "
                    "name vs vmatrix only, shape never read; \\hline also spacing; _closing's nested '(' (+=2, =1, "
                    "-=1); _simple's 0 <= len (f(): pauses tidied away); _letter_word from k>1 or without the "
                    "previous-letter check (a run's refusal holds for its suffixes); _summary len(sides)>=1; "
                    "_polynomial degree from 1, 'XXXX'.join of a digit group; operators' ',' '(' 'minus'; a "
                    "one-letter chemical formula; translate('') is ''.",
    "lines": "separators beyond len-1; None for _EMPTY; a 2-character slice for a 1-character match; LINE replaced in"
             " _tidy (none left by then); lstrip/rstrip on all-space text.",
    "parse-html": "(session 36: the full fresh run m35-p, 1,724 of 1,835 killed; 29 of the 111 survivors killed by "
                  "tests/test_parse_html_survivors_s36.py, each checked with MUTANT_UNDER_TEST: 1,753 (95.5 %); the "
                  "82 left all named here; review in tools/mutation_reviews/parse-html-s36.md) `(attrs) or True` "
                  "before an attrs.get (bs4 always gives attrs as a dict: .get on an empty one is None, as the else "
                  "branch: _image 3/9, _keep_images 15, _record 3, walk 360, _skip_tag 28); note_role called for an "
                  "element without attributes (_context 19: its style is '' and it has no epub:type, role or class, "
                  "so the role is '' anyway); image-path slices one step longer (_image 35/65/109: _record keeps "
                  "path[-8:]); the walker's level for a table announcement (_announce_table 51/65: parse_html's "
                  "_announcement rebuilds it, and only heading levels are read before); _AfterBreak.frame, never "
                  "read (_AfterBreak 1, walk 528); lines set to None (__init__ 24, _close_row 2, _flush_pieces 61: "
                  "falsy like False, only `if self.lines` reads it; True there is killed, since the split path "
                  "returns no offsets); the marks of a data-table row's barrier piece and separating space (_open "
                  "25/36, walk 53: a fresh frozenset() is never `is` an inline's marks, so nothing merges either "
                  "way, and an empty or spaces-only piece collapses to '' and makes no run); a cell that ends with "
                  "EXIT_SPACED instead of EXIT_PLAIN (walk 514, 517-520: both pop the path, and the extra trailing "
                  "space of each cell is dropped by read_row's split/join and make_runs); the marks, lang or "
                  "emotion of a page marker's empty piece (_page_starts 4-6: the text after it then starts the next "
                  "piece, at the same place, and the empty piece makes no run); _piece_starts seeded with "
                  "begins[1:] or begins[-2:] (13/14: the same starts up to the end index, extra items after it "
                  "never read) and computed without pages (_flush_pieces 16: only _paged reads them, and it returns "
                  "at once without pages); the 'img' tests of _keep_images (1, 3, 4: an <img> has no contents, "
                  "find_all in an empty element finds nothing) and _record (16, 18, 19: an <img>'s text is empty: 0 "
                  "chars either way); the id checks loosened in _record (11, 12) and the walk's path (366, 367) "
                  "(bs4 gives id as a string; css_path takes an empty one for none); _skip_tag's 'text' default for "
                  "an input without attributes (35, 36: unreachable, such an input is a blank, read as a pause); a "
                  "data-table row frame's kind/level/list_depth/inner/inner_level (_open 247, 248, 253-255, "
                  "265-267, 271-276: never read, since nested blocks return before reading them, _close_row writes "
                  "the row block's kind and level, and _image's `== \"heading\"` is false for every mutated kind); "
                  "inner_level dropped on table/thead/tbody frames (_open 233, 298: default 0); the mso-list guard "
                  "`or True` (_open 316: the pattern finds nothing without 'mso-list'); note_role's name and "
                  "classes arguments (_context 21, 23: it never reads them); the role 'XXXX' for an element without "
                  "attributes (_context 38: neither 'list' nor 'item', the same as ''); _text's `>=`/`<=` adding an "
                  "empty piece before or after a formula (29, 39: no run comes of it); Walker's page_mode default "
                  "True (__init__ 1: only the page walker is given link stats, and the 'mostly links' test finds "
                  "nothing without them); EXIT_SPACED = None (walk 31: no other stack entry is None); the walk's "
                  "test for a node that is neither a string nor a Tag, and its continue→break (walk 62, 88: bs4 "
                  "gives only those two, and the walker's markers are handled earlier, so unreachable); parse_soup "
                  "passing None for no Work (parse_soup 6: parse_tree makes the same fresh Work); _flush_pieces' "
                  "`self.pieces or True` (5, 9: no pieces, no runs); the walk's `name == 'input'` branch after the "
                  "skip list (walk 408-411: 'XXinputXX'/'INPUT', EXIT_PLAIN→None, continue→break, unreachable "
                  "because input is in SKIP_TAGS); verdict None/'XXXX' for an element that is not a table (walk "
                  "491, 492: only 'data' is ever compared); _note_anchor checked against frames[1] or frames[-2] "
                  "(walk 289, 290: an ancestor; the extra names it lets through are the enclosing note's own ids, "
                  "already in each of its blocks' context, and attached to its last block or dropped when it "
                  "closes, a41db1e); the end-of-walk page filler (1,) for (0,) (walk 553: a block's page_at is "
                  "empty only when its pages are, so it is multiplied by 0) and self.pages = None after the end "
                  "(walk 555: each Walker walks once, and nothing reads pages after it).",
    "parse-cleanup": "codec names in upper case; the utf-8 pattern in capitals and upper-case hex escapes (re.I, same"
                     " bytes); decode()'s default utf-8; an 'XXXX' placeholder when nothing is declared (no such "
                     "codec: same guesses); len/100 for len//100 (a whole count exceeds x exactly when it exceeds "
                     "floor(x)); 'XX[{XX' (text starting with X is no JSON either way).",
    "formats": "the streamed XML count (unreachable: zipfile stops each part at its declared size and fails its CRC);"
               " limits moved by one (10,000 parts, 100:1); max(compress_size, 2); external_file_access None or left "
               "out (mammoth's default is False); codec names spelled otherwise; a fence's first character; fence "
               "None for ''; rsplit variants (a tag holds one '}').",
    "parse-olx": "lxml flags at their default (resolve_entities, load_dtd, huge_tree None) or covered by another flag"
                 " (no_network); tostring 'HTML' / 'UTF-8'; one_line limits on names that cannot be that long; "
                 "_local's rsplit variants and its fallback for non-elements; '' defaults spelled otherwise.",
    "parse-maths": "_mml's second big-operator branch for msub/msup/msubsup (the first branch takes them) and its "
                   "marks table; <mn>, <none/>, <mprescripts/> reaching the default branch with the same text; 'XXXX'"
                   " defaults; comment_tex's '$\\\\' and \\\\begin tests (group f is the whole environment).",
    "parse-formula_tags": "`or True` on {} attributes; the loop end returning None (every parsed formula has three "
                          "ancestors); 'display'/'type' defaults spelled otherwise.",
    "parse-chrome": "(session 36: the full fresh run of session 35's copy ended, 591 of 646 killed; 22 more are "
                    "killed by tests (16 by test_parse_chrome_survivors_s36.py, each checked with MUTANT_UNDER_TEST), "
                    "33 left, named here; the review is tools/mutation_reviews/parse-chrome-runs-s36.md) Bounds at "
                    "+1: _holds_content's 200 headings or paragraphs (11), _is_lesson_form's 400 inputs (14) and 400 "
                    "characters of the form's text (60): each tells only past the bound, where neither answer is "
                    "better. bs4 facts: every node has .name (_is_control_link 14, _inside_article 16); "
                    "find_previous_sibling(s) with None or no name gives elements only (_line_before 1, 3, "
                    "_after_image 13); an <a>'s rel is always a list (the string-rel branch: _is_control_link 44, "
                    "51-56), and the repr of that list matches prev/next like the join unless a token holds a "
                    "non-printable character glued to the word (43: no real link type). Never reached: 'img' "
                    "respelled in _after_image (4, 5: img is in NEVER_LABEL and has no contents); 'summary' respelled "
                    "in _label (46, 47: summary is in BLOCK_TAGS); _tree(None) in _is_lesson_form (11: _holds_content "
                    "has built the index first). Falsy the same: by_name None in _is_chrome (39, 44, 86: only `if "
                    "by_name:` returns it); typed None (_is_lesson_form 3); _inside_article's answer None (3). The "
                    "'TEXT' default (24: lower()ed). [:3] links (_is_control_link 20: two or three both fail). The "
                    "memo of _inside_article not read or written (6, 7, 8, 29, 31, 32: recomputed, the same answer). "
                    "A value never read: _label 57, 64 (credit_kind reads the line before only for text starting "
                    "'(c)', the same test on the same collapsed text), _line_before's 'XXXX' (9: matches "
                    "_OPTION_BEFORE no more than ''). (Numbers of the run's code; _is_chrome and _is_lesson_form "
                    "changed after it: a data table of links is no chrome, a quiz's text is read collapsed.)",
    "parse-note_marks": "list-valued role/epub:type (bs4 never gives it); 'XXXX' defaults; `len(href) >= 1` ('#' "
                        "gives '').",
    "parse-tables": "U+00A0 replaced before split(); `lead or True`; code_columns' first look; 'name' spelled "
                    "otherwise; colspan's `or True` branches; the `stroked` pre-check.",
    "source-wechat": "find_all(recursive=None) (None acts as False); the walk's stop names body/html/[document] (past"
                     " <body> only <head>, which is silent); find_all(None) for hints; root()'s getattr default "
                     "(prepare always runs first); og:title looked up without 'meta' (only <meta> carries it).",
    "source-texmacros": "end/close <= 0 or < 1 (a group never ends at 0); the macro names' sort order (the "
                        "(?![A-Za-z]) lookahead backtracks to the longer name).",
    "source-slides": "MarkdownIt's html option dropped (the commonmark preset already allows HTML); html.escape "
                     "quote=None (same as False); _macros' loop limit, start index and end sentinel (end is never 0) "
                     "and 'span' respelled (only 'div' is compared); exclude's default text; soup passed as None to "
                     "helpers that never use it; out = on the first, empty report; find_all(None)/recursive=None for "
                     "True/False (same tags); a title slide's heading looked for among all tags (only a heading "
                     "equals it); _mark_titles' first 'previous' None or 'XXXX' (titles are non-empty, none is XXXX);"
                     " remark's scripts joined with 'XX XX' and src default 'XXXX' ('remark' neither formed nor "
                     "broken); maybe's textarea-or-source (detect() needs textarea#source); the script type default "
                     "upper-cased (lowered before use); 'not decomposed or parent' (a decomposed slide's parent reads"
                     " None); SECTION[DATA-MARKDOWN] (selectors ignore case in HTML); the template found as any "
                     "text/template element or the section's first script (a data-markdown section's template is its "
                     "script).",
    "source-news_zh": "find_all(None) for find_all(True) (bs4 matches every tag either way); length limits at or "
                      "above the default and placeholder strings where the anchored floor and recommendation patterns"
                      " cannot match; the names of the qr/recommend signal keys (only counted); the body/html stops "
                      "(<body> always holds the article's text element); a fresh or slow-path _Lengths (same "
                      "lengths); _measure's pop (lengths only shrink); soup.html None (the parser always makes "
                      "<html>); 'XXXX' placeholders for a missing lang, title or keywords; find of any element named "
                      "keywords (only <meta> has it); most=1 (no article at one character per element); own-text "
                      "limit </<= (only a <script>/<style> of exactly 120 characters); prepare's first `out =` (the "
                      "list is empty then).",
    "source-baike": "the _outside stops at html/[document] (the climb ends at <body>); recursive=None (falsy like "
                    "False); link/meta (0 characters, dropped from the report); _title None; find_all without the "
                    "name 'a' (only links carry href in an entry); find_next_sibling(None) (each name in the fact box"
                    " is followed by its <dd>); new_tag('P') (read as a paragraph, tested).",
    "source-lms": "default strings 'XXXX' (Canvas title, lang, generator, body id, href: none holds what is "
                  "compared); find_all(None) for find_all(True), for the icon search (_is_icon admits only i/span) "
                  "and the skip links (in valid HTML only <a> has href and words); find_next_sibling(None) (tags "
                  "only); 'decomposed and parent is None' (a decomposed element's parent reads None); class hints "
                  "joined with 'XX XX' (no bookmark/next/prev/nav/toggle formed or broken); _is_icon's name check "
                  "(callers pass i/span only); out = for out += on the first, empty report; _root '' (falsy like "
                  "None); [DATA-OLX-WIDGET]/[DATA-OLX-GRADING] (HTML attribute selectors ignore case); the Google "
                  "Docs inner's root/title/finish given None or skipped (no root, blocks kept, its own title); soup "
                  "for soup.body when a body exists; maybe's head clause always true (a pre-filter: on a page with "
                  "<head> detect() accepts only marks maybe() names).",
    "source-wikipedia": "getattr(x, 'name') without default (every bs4 node has .name); 'style'/'script' renamed in "
                        "_chars (their strings are Script/Stylesheet, excluded by type); _outside's link/meta names "
                        "(no text: empty entries are dropped); hasattr(..., 'XXgetXX') (bs4 answers any attribute); "
                        "an id-less frame's key (the default reason); find(None)/find(attrs=...) for a node found by "
                        "a unique attribute; detect's 'XXXX' defaults (never start with MediaWiki); recursive=None "
                        "(same as False); rsplit('/') variants (same last part); _level's 9/10 fallback (only called "
                        "on headings); _appendices' item search (only tested for emptiness) and mutant 100 (drops a "
                        "pcs heading above an unmarked list: arguably better, not pinned); href/style defaults where "
                        "the selector requires the attribute; duplicate or nested pronunciation groups (take_out "
                        "skips removed nodes); __init__ defaults (prepare always sets them); _close_gaps' str(None); "
                        "_only_pronunciation's 12-character limit moved by one.",
    "leveling": "log text; <= vs < at 0.25 dB + 1e-9 (gains are hundredths); _raw_sha256's '' spelled otherwise; "
                "silence's loudness rounded to 3 places (-70.0); more()'s fallback returning 0.",
    "loudness": "dtype and 'ASCII' spellings numpy gives anyway; ffmpeg null muxer spelling and output name; gates at"
                " exact float equality; _limiter clusters and contexts +-w (gain is exactly 1 beyond 1.5 w of a "
                "peak); _sliding_min padding (no window starts in it); envelope floor (ceiling >= 1); level(): more "
                "context read, clip bounds never reached, a longer tail, a zero before the first block (chapters "
                "start silent); true-peak threshold summed over all taps, windows shifted by one.",
    "casting": "cut_labels at hi==lo and labels touching a span's start; 'again' loop bounds (k=1 never counts); "
               "gap's first value; m.end() <= len; sort keys ('' sorts first anyway); unknown(role, None).",
    "script-corrections": "take >= takes; match's or/>=; save's defaults for text/word/say (always written); "
                          "'UTF-8(-SIG)' spellings.",
    "script-polyphones": "_in_word's character-by-character branch for a multi-character non-phrase (8-10: pypinyin's"
                         " segmenter gives phrase entries or single characters, checked over jieba's dictionary); a "
                         "phrase character missing from the character table (18, 20: none is); len(readings) >= 1 "
                         "(23, 60: one reading means no phrase counts, no real choice); _uses' get(None) (6: no two "
                         "marked readings share a tone-number spelling); _minority's defaults (4-13: the phrase read "
                         "is itself counted); 'XX一不XX'; HMM=None (falsy like False); _cut's length/phrase tests "
                         "(10-15: seg.cut keeps a phrase entry whole, cuts the rest into characters, read alike); "
                         "unique=None and _tone3's unique path (only called with unique=False); offers' `k or` (empty"
                         " terms still dropped; a non-Chinese term covers no Chinese character).",
    "assembly-mixing": "recipe key spellings; log text; output_errors(None); pcm_sha256 before levelling (always "
                       "replaced); dtype spellings; 32768 vs 32767 x threshold (both 131); unlink where the file "
                       "exists; _write_raw's extra rewrite and unused arguments; rate > 1; need_blocks falsy (same "
                       "samples).",
    "assembly-ahead": "break vs return when nothing is left (8); the prefix-unmeasured branch and its guards (26, 28,"
                      " 32, 33: a carried chapter always has its recorded blocks); continue vs break after a carried "
                      "chapter (72: the look after the lock goes on); level_chapter without previous levels (78: same"
                      " samples and gain give the same bytes) and write_raw's return value (93); _open None (falsy); "
                      "finish()'s shutdown wait (each result is awaited next); close()'s default wait; rate <= 1 "
                      "(never given); start marker None/'XXXX' (no segment id).",
    "parse-content": "stats.get defaults and the `if text_len` else branch (stats = link_stats(body) holds every "
                     "element under body; a candidate holds a 25-character paragraph); body in the ancestor climb "
                     "(body and html are not in link_stats(body): they score 0); `not scores and`, total < 0 or <= 1,"
                     " best starting at 1.0 (nothing under 12 is taken); held for a paragraph or for body (only their"
                     " ancestors are read), held.get defaults (every element climbed to holds a scored paragraph); "
                     "the climb's html/body name tests respelled or joined by and (body is caught by identity first, "
                     "html is never reached); _title_heading's root_pos default, positions shifted by one, > for >= "
                     "(the root is visited and is no heading or paragraph), i > len(para_pos) (the root's paragraphs "
                     "follow the heading).",
    "parse-own_contents": "_without_page_number searching from 0 or len-5 (\\d{1,4}$ matches only in the last four "
                          "characters); find_next_siblings/find_previous_sibling(None) (tags only, as for True), "
                          "(False) or prev=None (a run's later members are taken out with its first or lie in a "
                          "shorter run); sib.name or 'XXXX' (siblings found by True are named).",
    "parse-second_opinion": "trafilatura options as None or left at their default (falsy like False; defaults "
                            "include_tables=True, with_metadata=False, deduplicate=False); an empty answer as 'XXXX' "
                            "(no 6-gram meets it); _furniture's last return (the climb always meets the dropped "
                            "block); 'XXXX' for a missing first heading; prose_in's stats defaults, MIN_PROSE / 2 or "
                            "// 3, max(2, len) (the weighted test needs 40 unlinked characters anyway); Opinion's "
                            "first available/asked values (set before any read); consult's `or` (keep_outside is "
                            "empty without a main content).",
    "parse-textlang": "prob > 0.9 for >= (a probability of exactly 0.9).",
    "source-blog": "front_matter_fields' fence-line spellings (a fence left in matches no key) and n[2:] (list items "
                   "are '- x'); getattr without default (bs4 answers any attribute); 'XXXX'/None defaults for front, "
                   "title and tag name; `m or True`/'XXXX' where the fence always matched; `front or True` ({} either"
                   " way); the take-out's `out =` (empty then); find_all(None); _toml_front's lead `or True` (lead "
                   "always exists) and the and/or of its climb test (inner always exists); _toml_front's any-tag "
                   "first element (differs only when a heading precedes the front matter: arguably better, not "
                   "pinned).",
    "source-books": "Book.maybe's pre-check answering yes more often ('not in': detect then turns the page away) and "
                    "its 'quarto'/'jupyter' generator names and 'XXXX' default (those styles need the "
                    "#quarto-document-content / #jb-print-docs-body ids the pre-check already knows); prepare's first"
                    " `out =` (the list is empty then); _chapter_title given soup None (it never reads it); "
                    "_pandoc_leftovers' `heading.contents or True` (an element without contents has no strings either"
                    " way).",
    "source-notebook": "Notebook.maybe's #jb-print-docs-body id spelled otherwise (a page with it is a Jupyter Book "
                       "page, which the book kind claims first); prepare's first `out =` (the list is empty then).",
    "source-init": "generator(): 'GENERATOR' under re.IGNORECASE, and any element named generator rather than <meta> "
                   "(only <meta> has a content attribute, so another gives '' as no meta does, and the head's <meta> "
                   "comes first); selector()'s hasattr(node, 'get') spelled otherwise or `or True` (every node given "
                   "is a bs4 Tag, which answers any attribute); Facts.of's find_all(None) (every tag, as True).",
    "source-epub": "a search for any element with href rather than <a> in _is_note/_mark_notes (only links carry "
                   "href; an <area>/<link> has no words for the mark pattern) and <a> without href=True (str(None) "
                   "holds no '#'); the fragment split with maxsplit 1/2/none or rsplit (an id holds no '#'); the "
                   "note's first 8 or 9 characters compared (a printed mark is at most 7: '［注123］'); detect's "
                   "find(None) and `return True` without <html> (parse_soup always makes <html>, the first tag); "
                   "prepare's body as the whole soup (<head> holds no headings, links or notes) and first `out =` "
                   "(empty then); title()'s getattr defaults (prepare always runs first) and next()'s default None "
                   "('' or None give None alike).",
    "source-gdocs": "'XXXX'/'XX;XX' spellings of the joined style declarations (the unanchored font-size/font-weight "
                    "patterns read past them); most_common(None/2)[0] (the most common size either way); any element "
                    "rather than <a> with a ftnt/cmnt id (only Google's links carry those ids) and a link found by "
                    "its href alone (only back links point to #ftnt_ref); a back link without href read as 'XXXX' (no"
                    " '#ftnt_ref' either way); find_previous_sibling(None) (any tag, as True); _note_block's 'body' "
                    "spelled otherwise (find_parent(['p', 'div']) never returns <body>) and the back-link count's "
                    "limit 2/3/none (a second back link fails the test at any limit); _starts_with's next() without "
                    "default (a block holding the back link has its text); prepare's first `out =` (empty then); "
                    "title()'s None default (`or None` either way).",
    "source-notion": "_is_attachment's 'XXXX' for a link without href (no file extension: no attachment either way); "
                     "the file rows' find(None) for find('td') (rows without a <td> went before as empty properties);"
                     " any element rather than <tr> with class property-row (only Notion's rows carry it) and any "
                     "element rather than <a> in database cells (only links have href); prepare's first `out =` "
                     "(empty then); root()'s getattr default (prepare always runs first).",
    "parse-tree": "the root accumulator's seeds and an element's lead/trail/link seeds (overwritten by its first "
                  "text, unread without text; link text implies a link); a blank piece's trail (unread); acc[1] for "
                  "acc[0] while all is space (equal then); links counted negative (never 0, only its truth is read); "
                  "end[] seeds (each element's EXIT overwrites them); EXIT = None (no None on the stack); href "
                  "fallback 'XXXX'; descendants' guard (callers pass elements); Work's default path (such a Work has "
                  "no limit to name); parse_tree's BadInput wording for markup lxml rejects (no input found that "
                  "lxml's recovering parser rejects: unverified, not proven unreachable).",
    "parse-elements": "`or True` on bs4's attribute dict; int_attr(None) reaching int('None') (0 either way); "
                      "is_pagebreak_style's pre-check (every break style contains 'page'); style given as a list and "
                      "class as a string (bs4 never does, new_tag included); find_all(None); '#' alone or a lone '#' "
                      "target naming '' (no id '' is kept); ids '=' while ids is still empty; rstrip for lstrip in "
                      "the all-'#' filter.",
    "source-gutenberg": "(session 37: the older EPUB's last file and the 'End of' line in a paragraph of its own; a "
                        "fresh run on this code: 258 of 271 killed, 261 (96.3 %) with "
                        "test_a_licence_file_opening_with_the_end_line_has_nothing_to_read (kills _end_cut 6, 7, 8, "
                        "each checked with MUTANT_UNDER_TEST); the 10 left are the ones named below, renumbered: "
                        "_cut 24 (_self_index=None), 31, 32 ('body' respelled), _start_line 5, prepare 3, and "
                        "_cut(before=None) at both calls, 44 and 56; title 2, 3, 16) (session 36: the cut rewritten, then fresh runs on the final code: 227 of 241 killed, 232 (96.3 "
                        "%) with the tests added after the copy, each checked with MUTANT_UNDER_TEST (_footer_end 29, "
                        "32-34 and prepare 5 kept their earlier status: unchanged functions are not run again); 9 left, "
                        "named here) _cut's _self_index=None (32: bs4 then finds the same index by searching: slower, "
                        "same tree); the climb's 'body' respelled (39, 40: it would take out the body only when the cut "
                        "left the whole page without text, which then has nothing to say either way); _start_line's "
                        "named=None (5: falsy like False); prepare's decomposed and/or parent None (3: take_out "
                        "decomposes, which also clears the parent) and _cut(before=None) (42: falsy like False); title's "
                        "super().title(None, ...) (2, 16: Epub.title never reads the soup) and, with no <title>, "
                        "super().title(soup, None) (3: Epub.title returns before reading the blocks when the page title "
                        "is not a placeholder, and a missing one is none).",
    "parse-runs": "(session 36: the full fresh run, 259 of 267 killed, 263 with test_parse_line_breaks_exact.py, "
                  "which kills _closes 13-16) `or True` on bs4's attribute dict (inline_of 13 id, 87 data-emotion: "
                  "attrs is always a dict); mark '' for None (31: both falsy); `marks or True` (124: base is "
                  "parent.marks whenever marks is empty).",
    "parse-init": "(643/674 by mutmut on the code at 16:00, 658/674 with this session's tests) _announcement's "
                  "default row count (every announcing block carries announce-table:<rows>); _page_blocks' main_known"
                  " default (its one caller passes it) and its no-<title> placeholder 'XXXX'; a script without type "
                  "read as 'XXXX'; _language's declared ''/None (both falsy), its 'zh' exclusion spelled otherwise "
                  "and lang.split variants (a declared language is a primary subtag); _title_paragraph's next() "
                  "without default and 'break' spelled otherwise; getattr(text, 'warning', None) (both falsy; "
                  "RepairedBytes always sets a str); source.root(None) (every kind's root() ignores its argument); "
                  "_editor_content's first None→'' (read only once a document was kept).",
    "source-latex": "_between's continue→break for a parentless opening comment (every comment found stays in the "
                    "tree; one moved into a wrapper has that parent); getattr(node, 'name') without default (every "
                    "bs4 node has .name); the comment/panel patterns in other letter case (re.IGNORECASE); "
                    "select('ADDRESS'), 'IMG[ALT]' (HTML names ignore case); 'XXXX' defaults where only 'latex2html',"
                    " 'latexml', 'pandoc', 'tex4ht', 'mathjax', 'math/', 'crossref.png' or '.svg' is looked for, and "
                    "alt 'XXXX' for an empty alt (4 characters never meet \\S{6,}); LaTeXML.maybe's generator clause "
                    "(detect() needs the ltx_document/ltx_page_main class that maybe's class clause admits); find_all"
                    " of any element with alttext (only <math>'s is read); TeX4ht.maybe's and→or (detect() asks the "
                    "same classes; differs only with two generator metas, TeX4ht's first); "
                    "find_previous_sibling(None) (tags only); before.name or 'XXXX'; img['alt'] = None (bs4 stores "
                    "''); TeX4ht's _title None and Pandoc.title's next(..., None) (ended by `or None` / `or \"\"`); "
                    "rstrip('XX:： XX') on the contents heading (only a heading ending in a capital X, 'Contents X', "
                    "differs; not pinned).",
}


def _configure(work: Path, targets: list[Target]) -> None:
    """Add mutmut's section to the copy's pyproject.toml: the modules, their (shared) tests, quiet pytest."""
    target = targets[0]
    def toml_list(items: tuple[str, ...] | list[str]) -> str:
        return "[" + ", ".join(json.dumps(i) for i in items) + "]"
    tests = [str(p.relative_to(work)) for t in target.tests if "*" in t for p in sorted(work.glob(t))]
    tests += [t for t in target.tests if "*" not in t and (work / t.split("::")[0]).exists()]
    section = (
        "\n[tool.mutmut]\n"
        'source_paths = ["narrator"]\n'
        f"only_mutate = {toml_list([t.module for t in targets])}\n"
        f"pytest_add_cli_args_test_selection = {toml_list(tests)}\n"
        f'pytest_add_cli_args = {toml_list(["-p", "no:cacheprovider", *(f"--deselect={n}" for n in target.slow)])}\n'
        "use_git_change_detection = false\n"
        # each mutant from a fresh fork server, not from the process that ran the tests once:
        # a reading cached there (functools.lru_cache) would hide the mutant
        'process_isolation = "forkserver"\n'
    )
    with open(work / "pyproject.toml", "a", encoding="utf-8") as f:
        f.write(section)


def _results(work: Path) -> dict[str, str]:
    """mutant name -> status (killed, survived, timeout, no tests, ...) from ``mutmut results --all``."""
    done = subprocess.run([str(MUTMUT), "results", "--all", "true"], cwd=work, capture_output=True, text=True)
    statuses: dict[str, str] = {}
    for line in done.stdout.splitlines():
        name, sep, status = line.strip().rpartition(": ")
        if sep and "__mutmut_" in name:
            statuses[name] = status.strip()
    return statuses


def _owns(module: str, mutant: str) -> bool:
    """Whether ``mutant`` (mutmut's name: ``narrator.parse.lines.x_split__mutmut_3``) is one of ``module``'s."""
    dotted = module.removesuffix(".py").removesuffix("/__init__").replace("/", ".")
    return mutant.startswith(dotted + ".") and "." not in mutant[len(dotted) + 1:]


def summary(name: str, work: Path) -> tuple[int, int, list[str]]:
    """(killed, total, survivors) of the last run of ``name`` in ``work``; timeouts count as killed."""
    statuses = {m: s for m, s in _results(work).items() if _owns(TARGETS[name].module, m)}
    killed = sum(s in ("killed", "timeout", "caught by type check", "segfault") for s in statuses.values())
    survivors = sorted(n for n, s in statuses.items() if s in ("survived", "no tests", "suspicious"))
    return killed, len(statuses), survivors


def _pid_file(base: Path, name: str) -> Path:
    return base / f".{name}.pid"  # beside the copy (a fresh copy deletes the copy's folder)


def _running(base: Path, name: str) -> bool:
    """A run of ``name`` is going on in ``base``: the process its pid file names is alive, or a
    process (mutmut, forked on) works inside its copy (its parent may have been killed)."""
    try:
        os.kill(int(_pid_file(base, name).read_text()), 0)
        return True
    except PermissionError:
        return True  # alive, another user's
    except (OSError, ValueError):
        pass
    copy = (base / name).resolve()
    for cwd in Path("/proc").glob("[0-9]*/cwd"):  # Linux; elsewhere the pid file alone
        try:
            where = cwd.resolve()
        except OSError:  # gone, or not ours to read
            continue
        if where == copy or copy in where.parents:
            return True
    return False


def refresh(work: Path, targets: list[Target]) -> None:
    """Bring the checkout's code and tests, and the test list, into a copy kept from an earlier run.
    mutmut then runs again the mutants of functions that changed and keeps the other verdicts."""
    for name in ("narrator", "tests", "samples", "benchmarks"):
        if (work / name).is_dir():
            shutil.rmtree(work / name)
    copy_checkout(work)  # pyproject.toml too, without the mutmut section
    for source in (work / "narrator").rglob("*.py"):
        source.touch()  # copied with the checkout's times: mutmut would take an older one for unchanged
    _configure(work, targets)
    # a changed test list makes mutmut drop every verdict, unless it has no record of which tests
    # reach which function: then it learns that again (minutes) and keeps them. The mutants that
    # had no test under the old list are asked again.
    (work / "mutants" / "mutmut-stats.json").unlink(missing_ok=True)
    for meta in (work / "mutants").rglob("*.meta"):
        data = json.loads(meta.read_text(encoding="utf-8"))
        data["exit_code_by_key"] = {k: None if v == 33 else v for k, v in data["exit_code_by_key"].items()}
        fresh = meta.with_suffix(".meta.new")
        fresh.write_text(json.dumps(data), encoding="utf-8")
        fresh.replace(meta)  # whole or not at all: mutmut cannot read a half-written record


def run(names: list[str], base: Path, fresh: bool, renew: bool = False) -> Path | None:
    """Run mutmut on targets sharing their tests in one copy, ``base/<first name>`` (a fresh copy
    unless one is there and not ``fresh``, then brought up to date if ``renew``; the others' names
    link to it, for ``--report``). One run
    learns once which tests reach which function. None if mutmut failed (the tests failed on the
    unmutated copy, e.g. one taken mid-edit)."""
    name = names[0]
    work = base / name
    busy = [n for n in names if _running(base, n)]
    if busy:  # a fresh copy would delete the files under that run's feet
        print(f"{'+'.join(names)}: a run of {', '.join(busy)} is going on in {base}; --report reads it",
              file=sys.stderr)
        return None
    base.mkdir(parents=True, exist_ok=True)
    for n in names:
        _pid_file(base, n).write_text(str(os.getpid()))
    for other in names:
        if (base / other).is_symlink():
            (base / other).unlink()
    if fresh and work.exists():
        shutil.rmtree(work)
    if not work.exists():
        work.mkdir(parents=True)
        copy_checkout(work)
        _configure(work, [TARGETS[n] for n in names])
    elif renew:
        refresh(work, [TARGETS[n] for n in names])
    for other in names[1:]:
        if (base / other).exists():
            shutil.rmtree(base / other)
        (base / other).symlink_to(work.name)
    log = work / "mutmut.log"
    try:
        with open(log, "w", encoding="utf-8") as out:
            done = subprocess.run([str(MUTMUT), "run", "--max-children", str(os.cpu_count() or 1)],
                                  cwd=work, stdout=out, stderr=subprocess.STDOUT)
    finally:
        for n in names:
            _pid_file(base, n).unlink(missing_ok=True)
    if done.returncode != 0:
        tail = log.read_text(encoding="utf-8", errors="replace")[-1500:]
        print(f"{'+'.join(names)}: mutmut exited {done.returncode}, no score (log: {log}):\n{tail}",
              file=sys.stderr, flush=True)
        return None
    return work


def report(name: str, work: Path, show: bool) -> None:
    killed, total, survivors = summary(name, work)
    score = f"{100 * killed / total:5.1f} %" if total else "   - %"
    print(f"{name:22} {TARGETS[name].module:42} {killed:4}/{total:<4} {score}", flush=True)
    if show and name in HARMLESS:
        print(f"    known harmless: {HARMLESS[name]}")
    for s in survivors:
        print(f"    survived: {s}")
        if show:
            diff = subprocess.run([str(MUTMUT), "show", s], cwd=work, capture_output=True, text=True).stdout
            print("\n".join("        " + l for l in diff.splitlines()))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("targets", nargs="*", help="names from --list")
    parser.add_argument("--all", action="store_true", help="every target")
    parser.add_argument("--list", action="store_true", help="list the targets and their tests")
    parser.add_argument("--report", action="store_true", help="print the last run's figures and survivors' diffs")
    parser.add_argument("--resume", action="store_true", help="keep a copy left by an earlier run (mutmut resumes; the copy keeps its "
                        "code and its list of test files: test files added since are not run)")
    parser.add_argument("--refresh", action="store_true", help="with a kept copy: bring the checkout's code, tests and test "
                        "list into it first; only the mutants of changed functions run again")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "narrator-mutation",
                        help="where the copies go (default: %(default)s, outside the repository)")
    args = parser.parse_args()
    if args.list:
        for name, t in TARGETS.items():
            files = dict.fromkeys(Path(x.split("::")[0]).name + ("::..." if "::" in x else "") for x in t.tests)
            shown = ", ".join(files) if len(files) < 6 else f"the {len(files)} {name.split('-')[0]} test groups"
            print(f"{name:22} {t.module:42} <- {shown}")
        return 0
    names = list(TARGETS) if args.all else args.targets
    unknown = [n for n in names if n not in TARGETS]
    if unknown or not names:
        parser.error(f"name one or more targets from --list (unknown: {', '.join(unknown) or 'none given'})")
    work = args.work.resolve()
    if work == ROOT or ROOT in work.parents:
        parser.error("--work must be outside the repository (mutmut rewrites the files of its copy)")
    if not MUTMUT.exists():
        print(f"error: {MUTMUT} not found: pip install -e '.[mutation]'", file=sys.stderr)
        return 2
    # targets with the same tests run together (one copy, one pass learning which tests reach what)
    groups: dict[tuple[tuple[str, ...], tuple[str, ...]], list[str]] = {}
    for name in names:
        groups.setdefault((TARGETS[name].tests, TARGETS[name].slow), []).append(name)
    below = 0
    for group in groups.values():
        where = None if args.report else run(group, work, fresh=not (args.resume or args.refresh),
                                             renew=args.refresh)
        if where is None and not args.report:
            below += len(group)
            continue
        for name in group:
            place = work / name
            if not (place / "mutants").is_dir():
                print(f"{name}: no run in {place}", file=sys.stderr)
                continue
            report(name, place, show=args.report)
            killed, total, _ = summary(name, place)
            below += bool(total) and killed < 0.9 * total
    return below


if __name__ == "__main__":
    sys.exit(main())
