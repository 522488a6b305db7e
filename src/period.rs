//! The periods documents cover: a [`Quarter`] (one bulletin issue), a year (an annual
//! volume), or a span of years or days (an index). A [`Period`] is written in the JSON as
//! its key (`2012-Q3`, `2012`, `2003-2012`, `2012-01-01/2012-03-31`) and read back from it;
//! the key is also the document's identity in the PDF.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A quarter of a year: the period of one bulletin issue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Quarter {
    /// The calendar year (four digits when read from text).
    pub year: i32,
    /// 1–4.
    pub number: u32,
}

impl Quarter {
    /// The quarter a day falls in.
    pub fn of(date: NaiveDate) -> Quarter {
        Quarter {
            year: date.year(),
            number: (date.month() - 1) / 3 + 1,
        }
    }

    /// The quarter a month (1–12; out-of-range months clamp to the nearest) falls in.
    pub fn of_month(year: i32, month: u32) -> Quarter {
        Quarter {
            year,
            number: (month.clamp(1, 12) - 1) / 3 + 1,
        }
    }

    /// First and last month of the quarter.
    pub fn months(self) -> (u32, u32) {
        (self.number * 3 - 2, self.number * 3)
    }

    /// The last day of the quarter (the date).
    pub fn last_day(self) -> NaiveDate {
        let (next_year, next_month) = if self.number == 4 {
            (self.year + 1, 1)
        } else {
            (self.year, self.number * 3 + 1)
        };
        NaiveDate::from_ymd_opt(next_year, next_month, 1)
            .and_then(|d| d.pred_opt())
            .unwrap_or(NaiveDate::MIN)
    }
}

impl fmt::Display for Quarter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-Q{}", self.year, self.number)
    }
}

/// Text that is not a quarter or a period.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("\"{text}\" is not {expected}")]
pub struct ParsePeriodError {
    /// The text as given.
    pub text: String,
    /// What was expected, with an example.
    pub expected: &'static str,
}

impl FromStr for Quarter {
    type Err = ParsePeriodError;

    fn from_str(s: &str) -> Result<Quarter, ParsePeriodError> {
        let bad = || ParsePeriodError {
            text: s.to_string(),
            expected: "a quarter: write it as 2012-Q3",
        };
        let (year, q) = s.trim().split_once(['-', ' ']).ok_or_else(bad)?;
        let year: i32 = year.parse().map_err(|_| bad())?;
        let number: u32 = q
            .trim_start_matches(['Q', 'q'])
            .parse()
            .map_err(|_| bad())?;
        if !(1..=4).contains(&number) || !(1000..=9999).contains(&year) {
            return Err(bad());
        }
        Ok(Quarter { year, number })
    }
}

/// The period a document covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Period {
    /// One quarterly issue.
    Quarter(Quarter),
    /// An annual volume, or an index of one whole year.
    Year(i32),
    /// An index of whole years.
    Years {
        /// The first year, included.
        from: i32,
        /// The last year, included.
        to: i32,
    },
    /// An index of any span of days.
    Days {
        /// The first day, included.
        from: NaiveDate,
        /// The last day, included.
        to: NaiveDate,
    },
}

impl Period {
    /// The year the document belongs to (an index: the year its span ends in).
    pub fn year(self) -> i32 {
        match self {
            Period::Quarter(q) => q.year,
            Period::Year(year) => year,
            Period::Years { to, .. } => to,
            Period::Days { to, .. } => to.year(),
        }
    }

    /// The number within its year: the quarter, else 0.
    pub fn number(self) -> u32 {
        match self {
            Period::Quarter(q) => q.number,
            _ => 0,
        }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Period::Quarter(q) => write!(f, "{q}"),
            Period::Year(year) => write!(f, "{year}"),
            Period::Years { from, to } => write!(f, "{from}-{to}"),
            Period::Days { from, to } => write!(f, "{from}/{to}"),
        }
    }
}

impl FromStr for Period {
    type Err = ParsePeriodError;

    fn from_str(s: &str) -> Result<Period, ParsePeriodError> {
        let bad = || ParsePeriodError {
            text: s.to_string(),
            expected: "a period: 2012-Q3, 2012, 2003-2012 or 2012-01-01/2012-03-31",
        };
        if let Some((from, to)) = s.split_once('/') {
            let day = |d: &str| NaiveDate::parse_from_str(d, "%Y-%m-%d").map_err(|_| bad());
            return Ok(Period::Days {
                from: day(from)?,
                to: day(to)?,
            });
        }
        if s.contains(['Q', 'q']) {
            return s.parse().map(Period::Quarter);
        }
        match s.split_once('-') {
            Some((from, to)) => Ok(Period::Years {
                from: from.parse().map_err(|_| bad())?,
                to: to.parse().map_err(|_| bad())?,
            }),
            None => s.parse().map(Period::Year).map_err(|_| bad()),
        }
    }
}

impl Serialize for Period {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Period {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Period, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quarters() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(Quarter::of(d(2012, 7, 5)).to_string(), "2012-Q3");
        assert_eq!(Quarter::of(d(2012, 3, 31)).number, 1);
        assert_eq!(
            "2012-Q4".parse::<Quarter>().unwrap().last_day(),
            d(2012, 12, 31)
        );
        assert_eq!(
            "2012-q2".parse::<Quarter>().unwrap().last_day(),
            d(2012, 6, 30)
        );
        assert!("2012-Q5".parse::<Quarter>().is_err());
        assert!("Q3".parse::<Quarter>().is_err());
    }

    #[test]
    fn keys_read_back() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        for period in [
            Period::Quarter(Quarter {
                year: 2012,
                number: 3,
            }),
            Period::Year(2012),
            Period::Years {
                from: 2003,
                to: 2012,
            },
            Period::Days {
                from: day(2012, 1, 1),
                to: day(2012, 3, 31),
            },
        ] {
            let key = period.to_string();
            assert_eq!(key.parse::<Period>(), Ok(period), "{key}");
        }
        assert_eq!(
            Period::Years {
                from: 2003,
                to: 2012
            }
            .to_string(),
            "2003-2012"
        );
        assert!("20x2".parse::<Period>().is_err());
    }
}
