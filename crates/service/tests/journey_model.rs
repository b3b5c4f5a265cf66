//! A model-based test of the participant's journey. Random sequences of what researchers and
//! participants do — invitations, choices (first, second, late, repeated, forwarded, for
//! taken times), declines and cancellations by link, calendar declines, bookings by hand,
//! statuses set by hand, cancellations, reschedules, no-shows and completions — run against
//! the service on a real SQLite file. After every step the database is checked against a
//! simple reference model (who holds which time, which status each step must lead to) and
//! against the invariants that must always hold.
//!
//! The seed is printed; `CONFAB_MODEL_SEED=N` replays a run and `CONFAB_MODEL_STEPS=N` makes
//! it longer (the normal test command runs a few thousand steps).
//!
//! Longer than 400 lines on purpose: each file under `tests/` links into a test binary of its
//! own, so the tests of one capability, with the set-up they share, stay in one file.

#![allow(clippy::unwrap_used)]

mod support;

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use confab_core::EnrolmentStatus as S;
use confab_service::{Confab, MailProfile};
use sea_orm::{ConnectionTrait, DatabaseConnection, Statement};
use support::mail::{Mailto, calendar_reply, mailto_link, reply_from_link};
use support::{Fixture, me};

const PEOPLE: usize = 5;
const SLOTS: i64 = 3;
const RESEARCHER: &str = "researcher@example.org";

/// A small deterministic generator, so that a printed seed replays the same run.
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % n as u64).unwrap()
    }
}

/// What the reference model knows of one participant.
#[derive(Debug, Clone)]
struct Known {
    status: S,
    /// The slot (0..SLOTS) of their scheduled interview.
    booked: Option<i64>,
    /// How many of the study's interviews they have completed.
    done: i32,
}

impl Known {
    /// Whether an invitation may go to them in a study of `per` interviews per participant.
    fn ready(&self, per: i32) -> bool {
        self.status.ready_for_round(self.done, per)
    }
}

struct World {
    f: Fixture,
    db: DatabaseConnection,
    ids: Vec<i64>,
    emails: Vec<String>,
    known: Vec<Known>,
    self_scheduling: bool,
    /// The study's interviews per participant.
    per: i32,
    dice: Dice,
    sent_ids: u64,
    log: Vec<String>,
}

fn status_of(text: &str) -> S {
    text.parse().unwrap()
}

impl World {
    async fn new(seed: u64) -> Self {
        // splitmix64, so that neighbouring seeds give unrelated runs.
        let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        let mut dice = Dice((z ^ (z >> 31)) | 1);
        let self_scheduling = dice.below(3) != 0;
        let per = i32::try_from(dice.below(2) + 1).unwrap();
        let f = Fixture::new(1, self_scheduling).await;
        let settings = f.confab.study_settings(f.study_id).await.unwrap();
        f.confab
            .update_study_settings(
                f.study_id,
                // No cut-off: the fixture's times are tomorrow, and a cut-off of a day would
                // refuse a cancel link for some of them depending on the hour the test runs.
                confab_service::StudySettings {
                    interviews_per_participant: per,
                    change_cutoff_hours: 0,
                    ..settings
                },
                &me(),
            )
            .await
            .unwrap();
        f.confab
            .update_mail_profile(MailProfile {
                researcher_name: "Dr Sam Rivera".into(),
                researcher_email: RESEARCHER.into(),
                time_zone: "Europe/Berlin".into(),
                account: None,
                sync_automatically: false,
            })
            .await
            .unwrap();
        let mut ids = Vec::new();
        let mut emails = Vec::new();
        for name in ["Ada", "Bea", "Cem", "Dov", "Eli"].iter().take(PEOPLE) {
            ids.push(f.participant(name).await);
            emails.push(format!("{}@example.org", name.to_lowercase()));
        }
        let db = f.database().await;
        Self {
            f,
            db,
            ids,
            emails,
            known: vec![
                Known {
                    status: S::Added,
                    booked: None,
                    done: 0,
                };
                PEOPLE
            ],
            self_scheduling,
            per,
            dice,
            sent_ids: 0,
            log: Vec::new(),
        }
    }

    fn confab(&self) -> &Confab {
        &self.f.confab
    }

    fn slot_start(&self, slot: i64) -> DateTime<Utc> {
        self.f.slot(slot)
    }

    fn slot_of(&self, start: i64) -> i64 {
        (start - self.f.first.timestamp()) / 3600
    }

    fn holder(&self, slot: i64) -> Option<usize> {
        self.known.iter().position(|k| k.booked == Some(slot))
    }

    /// Times held for Pending participants block a place as a booking does.
    async fn held_slots(&self) -> Vec<(i64, i64)> {
        self.rows(
            "SELECT e.participant_id, c.starts_at FROM choices c JOIN enrolments e ON e.id = c.enrolment_id",
        )
        .await
        .into_iter()
        .map(|r| (r[0], self.slot_of(r[1])))
        .collect()
    }

    async fn rows(&self, sql: &str) -> Vec<Vec<i64>> {
        let rows = self
            .db
            .query_all_raw(Statement::from_string(self.db.get_database_backend(), sql))
            .await
            .unwrap();
        rows.iter()
            .map(|r| {
                // A team database keeps some numbers as 32-bit integers.
                (0..)
                    .map_while(|i| {
                        r.try_get_by_index::<i64>(i)
                            .or_else(|_| r.try_get_by_index::<i32>(i).map(i64::from))
                            .ok()
                    })
                    .collect()
            })
            .collect()
    }

    async fn text_rows(&self, sql: &str) -> Vec<(i64, String, String)> {
        let rows = self
            .db
            .query_all_raw(Statement::from_string(self.db.get_database_backend(), sql))
            .await
            .unwrap();
        rows.iter()
            .map(|r| {
                (
                    r.try_get_by_index::<i64>(0).unwrap(),
                    r.try_get_by_index::<String>(1).unwrap(),
                    r.try_get_by_index::<String>(2).unwrap(),
                )
            })
            .collect()
    }

    /// The newest message to `who` that offers times, as (kind, text).
    async fn latest_offer(&self, who: usize) -> Option<(String, String)> {
        self.text_rows(&format!(
            "SELECT id, kind, text_body FROM outbox WHERE participant_id = {} AND kind IN ('invitation', 'waitlist_offer', 'reschedule_request', 'choice_unavailable') ORDER BY id DESC LIMIT 2",
            self.ids[who]
        ))
        .await
        .into_iter()
        .next()
        .map(|(_, kind, text)| (kind, text))
    }

    async fn latest_text_of_kind(&self, who: usize, kinds: &str) -> Option<String> {
        self.text_rows(&format!(
            "SELECT id, kind, text_body FROM outbox WHERE participant_id = {} AND kind IN ({kinds}) ORDER BY id DESC LIMIT 1",
            self.ids[who]
        ))
        .await
        .into_iter()
        .next()
        .map(|(_, _, text)| text)
    }

    /// The time a link's code stands for, and whether it still acts.
    async fn token_target(&self, link: &Mailto) -> Option<(Option<i64>, bool, bool)> {
        let code = confab_mail::token::find_tokens(&link.subject)
            .first()?
            .clone();
        let rows = self
            .db
            .query_all_raw(Statement::from_string(
                self.db.get_database_backend(),
                format!(
                    "SELECT starts_at, used_at IS NULL AND (expires_at IS NULL OR expires_at > {}), interview_id IS NOT NULL FROM tokens WHERE token = '{}'",
                    chrono::Utc::now().timestamp(),
                    confab_store::tokens::hash(&code)
                ),
            ))
            .await
            .unwrap();
        rows.first().map(|r| {
            (
                r.try_get_by_index::<Option<i64>>(0).unwrap(),
                r.try_get_by_index::<bool>(1).unwrap(),
                r.try_get_by_index::<bool>(2).unwrap(),
            )
        })
    }

    fn links_in(text: &str) -> Vec<Mailto> {
        let count = text.matches("mailto:").count();
        (0..count).map(|n| mailto_link(text, n)).collect()
    }

    async fn send(&mut self, from: usize, link: &Mailto) {
        self.sent_ids += 1;
        let bytes = reply_from_link(
            &self.emails[from],
            link,
            &format!("m{}@participant.test", self.sent_ids),
        );
        self.confab().receive_message(&bytes).await.unwrap();
    }

    async fn refresh_statuses(&self) -> HashMap<i64, S> {
        let rows = self
            .db
            .query_all_raw(Statement::from_string(
                self.db.get_database_backend(),
                "SELECT participant_id, status FROM enrolments",
            ))
            .await
            .unwrap();
        rows.iter()
            .map(|r| {
                (
                    r.try_get_by_index::<i64>(0).unwrap(),
                    status_of(&r.try_get_by_index::<String>(1).unwrap()),
                )
            })
            .collect()
    }

    async fn step(&mut self, n: usize) {
        let who = self.dice.below(PEOPLE);
        let pick = self.dice.below(15);
        let before = self.known.clone();
        let name = ["Ada", "Bea", "Cem", "Dov", "Eli"][who];
        match pick {
            0 | 1 => {
                self.log.push(format!("{n}: invite {name}"));
                let result = self
                    .confab()
                    .invite_participants(self.f.study_id, &[self.ids[who]], &me())
                    .await;
                // An invitation needs a time open to everyone, the invitee's own holds too.
                let any_open = self.any_open_for(usize::MAX).await;
                match result {
                    Ok(report) => {
                        assert!(any_open, "invited with no open time");
                        if report.queued.contains(&self.ids[who])
                            && matches!(
                                before[who].status,
                                S::Added
                                    | S::Invited
                                    | S::NoShow
                                    | S::CanceledInterview
                                    | S::Waitlisted
                                    | S::Completed
                            )
                        {
                            self.known[who].status = S::Invited;
                        }
                        assert_eq!(
                            report.queued.contains(&self.ids[who]),
                            before[who].ready(self.per),
                            "invitation sent or refused against the status {:?}",
                            before[who].status
                        );
                    }
                    Err(e) => assert!(!any_open, "invitation refused with times open: {e:?}"),
                }
            }
            2..=4 => {
                // The participant clicks a time in their newest (or, sometimes, an older) message.
                let Some((kind, text)) = self.latest_offer(who).await else {
                    return;
                };
                let links: Vec<Mailto> = Self::links_in(&text)
                    .into_iter()
                    .filter(|l| l.subject.contains("choice"))
                    .collect();
                if links.is_empty() {
                    return;
                }
                let link = links[self.dice.below(links.len())].clone();
                let Some((Some(start), live, moves)) = self.token_target(&link).await else {
                    return;
                };
                let slot = self.slot_of(start);
                self.log.push(format!(
                    "{n}: {name} chooses slot {slot} from {kind} (live {live})"
                ));
                let holds = self.held_slots().await;
                let taken_by_other = self.holder(slot).is_some_and(|h| h != who)
                    || holds.iter().any(|(p, s)| *s == slot && *p != self.ids[who]);
                let status = before[who].status;
                let open_for_them = self.any_open_for(who).await;
                self.send(who, &link).await;
                if !live || moves {
                    return;
                }
                // Nobody is booked past the study's interviews, whatever status was set by hand.
                let choosable = before[who].done < self.per
                    && (status == S::Pending || before[who].ready(self.per));
                if !choosable {
                    return;
                }
                if !taken_by_other && before[who].booked.is_none() {
                    if self.self_scheduling {
                        self.known[who].status = S::InterviewScheduled;
                        self.known[who].booked = Some(slot);
                    } else {
                        self.known[who].status = S::Pending;
                    }
                } else if !open_for_them {
                    self.known[who].status = S::Waitlisted;
                }
                // Otherwise nothing changes: the answer offers the times still open.
            }
            5 => {
                let Some(text) = self.latest_offer(who).await.map(|(_, t)| t) else {
                    return;
                };
                let Some(link) = Self::links_in(&text)
                    .into_iter()
                    .find(|l| l.subject.starts_with("No thank you"))
                else {
                    return;
                };
                let live = self.token_target(&link).await.is_some_and(|t| t.1);
                self.log
                    .push(format!("{n}: {name} declines by link (live {live})"));
                self.send(who, &link).await;
                if live
                    && matches!(
                        before[who].status,
                        S::Invited | S::Accepted | S::Pending | S::Waitlisted
                    )
                {
                    self.known[who].status = S::Declined;
                }
            }
            6 => {
                let Some(text) = self
                    .latest_text_of_kind(who, "'confirmation', 'update', 'reschedule_request'")
                    .await
                else {
                    return;
                };
                let Some(link) = Self::links_in(&text)
                    .into_iter()
                    .find(|l| l.subject.starts_with("Please cancel"))
                else {
                    return;
                };
                let live = self.token_target(&link).await.is_some_and(|t| t.1);
                self.log
                    .push(format!("{n}: {name} cancels by link (live {live})"));
                self.send(who, &link).await;
                if live && before[who].booked.is_some() {
                    self.known[who].status = S::CanceledInterview;
                    self.known[who].booked = None;
                }
            }
            7 => {
                // Someone else uses this participant's link: never applied.
                let Some((_, text)) = self.latest_offer(who).await else {
                    return;
                };
                let Some(link) = Self::links_in(&text).into_iter().next() else {
                    return;
                };
                let other = (who + 1) % PEOPLE;
                self.log
                    .push(format!("{n}: participant {other} uses {name}'s link"));
                self.send(other, &link).await;
            }
            8 => {
                let to = S::ALL[self.dice.below(S::ALL.len())];
                self.log
                    .push(format!("{n}: status of {name} set to {to:?} by hand"));
                let result = self
                    .confab()
                    .set_status(self.f.study_id, self.ids[who], to.key(), "model", &me())
                    .await;
                let had = before[who].booked;
                match (to, had, result) {
                    (S::InterviewScheduled, None, Err(_))
                        if before[who].status != S::InterviewScheduled => {}
                    (S::InterviewScheduled, None, r) => {
                        panic!("a scheduled status without an interview: {r:?}")
                    }
                    (_, _, Err(e)) => panic!("status {to:?} refused: {e:?}"),
                    (S::InterviewScheduled, Some(_), Ok(_)) => {}
                    (S::NoShow | S::Completed, Some(_), Ok(_)) => {
                        self.known[who] = Known {
                            status: to,
                            booked: None,
                            done: before[who].done + i32::from(to == S::Completed),
                        };
                    }
                    (_, _, Ok(_)) => {
                        self.known[who] = Known {
                            status: to,
                            booked: None,
                            done: before[who].done,
                        }
                    }
                }
            }
            9 => {
                let slot = i64::try_from(self.dice.below(3)).unwrap();
                self.log
                    .push(format!("{n}: {name} booked by hand into slot {slot}"));
                let start = self.slot_start(slot);
                let rules = self
                    .confab()
                    .check_booking(self.f.study_id, self.f.session_id, start, None)
                    .await
                    .unwrap();
                let accepted: Vec<confab_service::RuleBreak> =
                    rules.iter().map(|r| r.rule).collect();
                let result = self
                    .confab()
                    .book_manually(
                        self.f.study_id,
                        self.ids[who],
                        self.f.session_id,
                        start,
                        &accepted,
                        &me(),
                    )
                    .await;
                let holds = self.held_slots().await;
                let free = self.holder(slot).is_none()
                    && !holds.iter().any(|(p, s)| *s == slot && *p != self.ids[who]);
                match result {
                    Ok(_) => {
                        assert!(free, "booked into a taken slot");
                        assert!(before[who].booked.is_none(), "booked twice");
                        assert!(
                            before[who].done < self.per,
                            "booked past the study's interviews"
                        );
                        self.known[who] = Known {
                            status: S::InterviewScheduled,
                            booked: Some(slot),
                            done: before[who].done,
                        };
                    }
                    Err(_) => assert!(
                        !free
                            || before[who].booked.is_some()
                            || before[who].done >= self.per
                            || before[who]
                                .status
                                .after(confab_core::StatusEvent::InterviewBooked)
                                .is_none(),
                        "booking by hand refused though possible (status {:?})",
                        before[who].status
                    ),
                }
            }
            10 => {
                let Some(id) = self.scheduled_interview(who).await else {
                    return;
                };
                self.log
                    .push(format!("{n}: researcher cancels {name}'s interview"));
                self.confab()
                    .cancel_interview(id, "model", &me())
                    .await
                    .unwrap();
                self.known[who] = Known {
                    status: S::CanceledInterview,
                    booked: None,
                    done: before[who].done,
                };
            }
            11 => {
                let Some(id) = self.scheduled_interview(who).await else {
                    return;
                };
                let slot = i64::try_from(self.dice.below(3)).unwrap();
                self.log
                    .push(format!("{n}: researcher moves {name} to slot {slot}"));
                let start = self.slot_start(slot);
                let rules = self
                    .confab()
                    .check_booking(self.f.study_id, self.f.session_id, start, Some(id))
                    .await
                    .unwrap();
                let accepted: Vec<confab_service::RuleBreak> =
                    rules.iter().map(|r| r.rule).collect();
                let result = self
                    .confab()
                    .reschedule_interview(id, self.f.session_id, start, &accepted, &me())
                    .await;
                if result.is_ok() {
                    self.known[who].booked = Some(slot);
                }
            }
            12 => {
                let Some(id) = self.scheduled_interview(who).await else {
                    self.earlier_interview_was_a_no_show(n, who).await;
                    return;
                };
                let no_show = self.dice.below(2) == 0;
                self.log
                    .push(format!("{n}: {name} marked no-show {no_show}"));
                if no_show {
                    self.confab().mark_no_show(id, &me()).await.unwrap();
                    self.known[who] = Known {
                        status: S::NoShow,
                        booked: None,
                        done: before[who].done,
                    };
                } else {
                    self.confab().mark_completed(id, &me()).await.unwrap();
                    self.known[who] = Known {
                        status: S::Completed,
                        booked: None,
                        done: before[who].done + 1,
                    };
                }
            }
            14 => {
                // The researcher changes how many interviews the study holds.
                let to = (self.per + if self.dice.below(2) == 0 { 1 } else { -1 }).clamp(0, 10);
                let most = self
                    .rows("SELECT coalesce(max(round), 0) FROM interviews WHERE state IN ('scheduled', 'completed')")
                    .await[0][0];
                self.log.push(format!(
                    "{n}: interviews per participant {} -> {to}",
                    self.per
                ));
                let settings = self.confab().study_settings(self.f.study_id).await.unwrap();
                let result = self
                    .confab()
                    .update_study_settings(
                        self.f.study_id,
                        confab_service::StudySettings {
                            interviews_per_participant: to,
                            ..settings
                        },
                        &me(),
                    )
                    .await;
                let allowed = (1..=9).contains(&to) && i64::from(to) >= most;
                assert_eq!(
                    result.is_ok(),
                    allowed,
                    "{to} interviews per participant: {result:?}"
                );
                if allowed {
                    self.per = to;
                }
            }
            _ => {
                if self.dice.below(2) == 0 && before[who].status == S::Pending {
                    let rank = i32::try_from(self.dice.below(2) + 1).unwrap();
                    self.log
                        .push(format!("{n}: researcher assigns {name}'s choice {rank}"));
                    if let Ok(view) = self
                        .confab()
                        .assign_choice(self.f.study_id, self.ids[who], rank, &me())
                        .await
                    {
                        let slot = self.slot_of(view.start.timestamp());
                        self.known[who] = Known {
                            status: S::InterviewScheduled,
                            booked: Some(slot),
                            done: before[who].done,
                        };
                    }
                    return;
                }
                // The participant declines in their calendar program.
                let Some(id) = self.scheduled_interview(who).await else {
                    return;
                };
                let view = self.confab().interview(id).await.unwrap();
                self.log
                    .push(format!("{n}: {name} declines in their calendar"));
                self.sent_ids += 1;
                let bytes = calendar_reply(
                    &self.emails[who],
                    RESEARCHER,
                    &view.calendar_uid,
                    u32::try_from(view.sequence).unwrap(),
                    "DECLINED",
                );
                let bytes = String::from_utf8(bytes)
                    .unwrap()
                    .replace(
                        "Message-ID: <reply-",
                        &format!("Message-ID: <{}-", self.sent_ids),
                    )
                    .into_bytes();
                self.confab().receive_message(&bytes).await.unwrap();
                self.known[who] = Known {
                    status: S::CanceledInterview,
                    booked: None,
                    done: before[who].done,
                };
            }
        }
    }

    /// The researcher finds that one of the participant's completed interviews was in fact a
    /// no-show. Where they stand changes only if it was their latest and they stand Completed.
    async fn earlier_interview_was_a_no_show(&mut self, n: usize, who: usize) {
        let completed = self
            .rows(&format!(
                "SELECT id, starts_at FROM interviews WHERE participant_id = {} AND state = 'completed' ORDER BY starts_at, id",
                self.ids[who]
            ))
            .await;
        if completed.is_empty() {
            return;
        }
        let pick = self.dice.below(completed.len());
        let latest = pick + 1 == completed.len();
        self.log.push(format!(
            "{n}: participant {who}'s completed interview {} marked no-show (latest {latest})",
            completed[pick][0]
        ));
        self.confab()
            .mark_no_show(completed[pick][0], &me())
            .await
            .unwrap();
        self.known[who].done -= 1;
        if latest && self.known[who].status == S::Completed {
            self.known[who].status = S::NoShow;
        }
    }

    async fn scheduled_interview(&self, who: usize) -> Option<i64> {
        self.rows(&format!(
            "SELECT id FROM interviews WHERE participant_id = {} AND state = 'scheduled'",
            self.ids[who]
        ))
        .await
        .first()
        .map(|r| r[0])
    }

    async fn any_open_for(&self, who: usize) -> bool {
        let holds = self.held_slots().await;
        (0..SLOTS).any(|slot| {
            self.holder(slot).is_none()
                && !holds
                    .iter()
                    .any(|(p, s)| *s == slot && self.ids.get(who) != Some(p))
        })
    }

    /// The database against the model, and the rules that always hold.
    async fn check(&mut self, n: usize) {
        let statuses = self.refresh_statuses().await;
        let scheduled = self
            .rows(
                "SELECT participant_id, starts_at, round FROM interviews WHERE state = 'scheduled'",
            )
            .await;
        let completed = self
            .rows("SELECT participant_id, count(*) FROM interviews WHERE state = 'completed' GROUP BY participant_id")
            .await;
        for (i, id) in self.ids.iter().enumerate() {
            let status = statuses[id];
            let theirs: Vec<i64> = scheduled
                .iter()
                .filter(|r| r[0] == *id)
                .map(|r| self.slot_of(r[1]))
                .collect();
            assert!(
                theirs.len() <= 1,
                "two scheduled interviews for one participant"
            );
            assert_eq!(
                status == S::InterviewScheduled,
                theirs.len() == 1,
                "status {status:?} but scheduled interviews {theirs:?}"
            );
            assert_eq!(
                status, self.known[i].status,
                "participant {i}: database says {status:?}, the model {:?}",
                self.known[i].status
            );
            assert_eq!(
                theirs.first().copied(),
                self.known[i].booked,
                "participant {i}'s interview"
            );
            let done = completed
                .iter()
                .find(|r| r[0] == *id)
                .map_or(0, |r| i32::try_from(r[1]).unwrap());
            assert_eq!(
                done, self.known[i].done,
                "participant {i}'s completed interviews"
            );
            assert!(done <= self.per, "more interviews than the study holds");
            if let Some(row) = scheduled.iter().find(|r| r[0] == *id) {
                let held = self
                    .rows(&format!(
                        "SELECT round FROM interviews WHERE participant_id = {id} AND state = 'completed'"
                    ))
                    .await;
                assert!(
                    row[2] <= i64::from(self.per) && !held.iter().any(|h| h[0] == row[2]),
                    "participant {i}'s scheduled interview holds round {} beside {held:?}",
                    row[2]
                );
            }
        }
        for slot in 0..SLOTS {
            let n = scheduled
                .iter()
                .filter(|r| self.slot_of(r[1]) == slot)
                .count();
            assert!(n <= 1, "slot {slot} holds {n} interviews");
        }
        // Nothing still waiting to go out says an interview stands that does not.
        let stale = self
            .rows(
                "SELECT o.id FROM outbox o JOIN interviews i ON i.id = o.interview_id WHERE o.state = 'queued' AND o.kind IN ('confirmation', 'update', 'reminder', 'reschedule_request') AND i.state != 'scheduled'",
            )
            .await;
        assert!(
            stale.is_empty(),
            "step {n}: queued messages about ended interviews: {stale:?}"
        );
        // Every queued message reads as a person wrote it: no placeholders, no blanks.
        let texts = self
            .text_rows("SELECT id, kind, text_body FROM outbox WHERE state = 'queued' ORDER BY id DESC LIMIT 3")
            .await;
        for (_, kind, text) in texts {
            if let Err(problem) = support::reads_right(&text) {
                panic!("a {kind} message does not read right ({problem}):\n{text}");
            }
        }
    }
}

impl Drop for World {
    /// A failing run says how to replay it and what led there.
    fn drop(&mut self) {
        if std::thread::panicking() {
            let tail: Vec<&String> = self.log.iter().rev().take(15).collect();
            eprintln!(
                "self-scheduling {}; {} interviews per participant; model: {:?}\nlast steps, newest first: {tail:#?}",
                self.self_scheduling, self.per, self.known
            );
        }
    }
}

async fn run(seed: u64, steps: usize) {
    println!("run with seed {seed}");
    let mut world = World::new(seed).await;
    let mut reached: std::collections::BTreeMap<String, usize> = Default::default();
    for n in 0..steps {
        world.step(n).await;
        world.check(n).await;
        for known in &world.known {
            *reached.entry(format!("{:?}", known.status)).or_default() += 1;
        }
    }
    // What the run exercised, so that a run that never books shows it.
    let live_choices = world
        .log
        .iter()
        .filter(|l| l.contains("(live true)"))
        .count();
    println!("  live choices sent: {live_choices}; participant-steps per status: {reached:?}");
    assert!(
        live_choices > steps / 50,
        "the run hardly ever chose a time: {live_choices}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn random_journeys_keep_every_participant_in_a_state_a_researcher_can_act_on() {
    let seed = support::model_seed();
    let steps: usize = std::env::var("CONFAB_MODEL_STEPS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(600);
    // Several short runs find more than one long one: each starts from a fresh study.
    let runs = 4;
    println!(
        "journey model: seed {seed}, {runs} runs of {steps} steps (CONFAB_MODEL_SEED={seed} replays)"
    );
    for run_no in 0..runs {
        run(seed.wrapping_add(run_no), steps).await;
    }
}
