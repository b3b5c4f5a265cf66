//! One Sync at a time per database. The Sync that runs holds the row `sync` of `sync_lease`
//! until its expiry and renews it while it runs; a Sync that finds the row held by another,
//! unexpired, is refused. A process that dies leaves the row to expire, or, on the same
//! computer, to be taken at once once its process is seen to be gone.

use sea_orm::{ConnectionTrait, DbErr};

const NAME: &str = "sync";

/// Who holds the lease, for the refusal's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holder {
    pub owner: String,
    pub expires_at: i64,
}

/// An owner name for this process: the computer, the process id and something unique.
pub fn owner_name(unique: &str) -> String {
    format!("{}{unique}", this_process())
}

/// How the owner names of this process begin.
pub fn this_process() -> String {
    format!("{}/{}/", this_host(), std::process::id())
}

fn this_host() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .or_else(|_| std::fs::read_to_string("/etc/hostname"))
        .map(|h| h.trim().to_owned())
        .unwrap_or_default()
}

/// Whether `owner` names a process of this computer that is no longer running. Only where
/// the system lists its processes (`/proc`); elsewhere a lease simply expires.
fn owner_is_gone(owner: &str) -> bool {
    let mut parts = owner.splitn(3, '/');
    let (Some(host), Some(pid)) = (parts.next(), parts.next()) else {
        return false;
    };
    if host.is_empty() || host != this_host() || !std::path::Path::new("/proc/self").exists() {
        return false;
    }
    match pid.parse::<u32>() {
        Ok(pid) if pid != std::process::id() => {
            !std::path::Path::new(&format!("/proc/{pid}")).exists()
        }
        _ => false,
    }
}

/// Who holds the lease now, if anyone (expired or not).
pub async fn holder(db: &impl ConnectionTrait) -> Result<Option<Holder>, DbErr> {
    let row = db
        .query_one_raw(crate::dialect::statement(
            db,
            "SELECT owner, expires_at FROM sync_lease WHERE name = ?",
            [NAME.into()],
        ))
        .await?;
    row.map(|row| {
        Ok(Holder {
            owner: row.try_get_by_index(0)?,
            expires_at: row.try_get_by_index(1)?,
        })
    })
    .transpose()
}

/// Takes the lease for `owner` until `now + seconds`, if it is free, expired, already
/// `owner`'s, or held by a process of this computer that is gone. Otherwise says who holds it.
pub async fn take(
    db: &impl ConnectionTrait,
    owner: &str,
    now: i64,
    seconds: i64,
) -> Result<Result<(), Holder>, DbErr> {
    let stale = match holder(db).await? {
        Some(h) if h.expires_at > now && h.owner != owner && owner_is_gone(&h.owner) => {
            Some(h.owner)
        }
        _ => None,
    };
    // An update of a lease that may be taken, else an insert where there is none: a team
    // database's view takes both, but not an upsert. Two inserts at once on a team database
    // leave one with a broken key: the lease is then taken, and by someone else.
    let taken = db
        .execute_raw(crate::dialect::statement(
            db,
            "UPDATE sync_lease SET owner = ?, expires_at = ? \
             WHERE name = ? AND (expires_at <= ? OR owner = ? OR owner = ?)",
            [
                owner.into(),
                (now + seconds).into(),
                NAME.into(),
                now.into(),
                owner.into(),
                stale.unwrap_or_default().into(),
            ],
        ))
        .await?
        .rows_affected()
        == 1;
    let taken = taken
        || match db
            .execute_raw(crate::dialect::statement(
                db,
                "INSERT INTO sync_lease (name, owner, expires_at) \
                 SELECT ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM sync_lease WHERE name = ?)",
                [
                    NAME.into(),
                    owner.into(),
                    (now + seconds).into(),
                    NAME.into(),
                ],
            ))
            .await
        {
            Ok(result) => result.rows_affected() == 1,
            Err(e) if crate::is_unique_violation(&e) => false,
            Err(e) => return Err(e),
        };
    if taken {
        return Ok(Ok(()));
    }
    Ok(Err(holder(db).await?.unwrap_or(Holder {
        owner: String::new(),
        expires_at: now,
    })))
}

/// Moves the lease's expiry on; says whether `owner` still holds it.
pub async fn renew(
    db: &impl ConnectionTrait,
    owner: &str,
    now: i64,
    seconds: i64,
) -> Result<bool, DbErr> {
    let result = db
        .execute_raw(crate::dialect::statement(
            db,
            "UPDATE sync_lease SET expires_at = ? WHERE name = ? AND owner = ?",
            [(now + seconds).into(), NAME.into(), owner.into()],
        ))
        .await?;
    Ok(result.rows_affected() == 1)
}

/// Gives the lease back, if `owner` holds it.
pub async fn release(db: &impl ConnectionTrait, owner: &str) -> Result<(), DbErr> {
    db.execute_raw(crate::dialect::statement(
        db,
        "DELETE FROM sync_lease WHERE name = ? AND owner = ?",
        [NAME.into(), owner.into()],
    ))
    .await
    .map(|_| ())
}
