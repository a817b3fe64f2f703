from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

import pytest
from doc_samples import RECEIPT, TICKET
from pdf_probe import all_text, decode_qr

from kaccount_desk.documents.data import ReceiptData
from kaccount_desk.documents.ticket import render_receipt, render_ticket


def test_receipt_names_the_owner_and_the_due_time(make_pdf, tmp_path) -> None:
    pdf = make_pdf("receipt", lambda out: render_receipt(RECEIPT, out))
    text = all_text(pdf)
    for expected in (
        "受理回执", "BT-20120227-0042", "受理时间 2012年2月27日 10:00", "李娟(工号 BT1024)", "面对面",
        "泊头自办营业厅 3号窗口", "申告", "王建国", "188****8801", "承诺办结时间 2012年2月29日 10:00",
        "手机在办公楼内无信号", "首问负责制",
    ):
        assert expected in text
    assert decode_qr(pdf, 1, tmp_path) == ["KAD-TKT:T000042"]


def test_times_print_in_their_own_offset(make_pdf) -> None:
    moved = dataclasses.replace(RECEIPT, received_at=RECEIPT.received_at.astimezone(UTC))
    pdf = make_pdf("receipt", lambda out: render_receipt(moved, out))
    assert "受理时间 2012年2月27日 02:00" in all_text(pdf)


def test_ticket_lists_its_history(make_pdf, tmp_path) -> None:
    pdf = make_pdf("ticket", lambda out: render_ticket(TICKET, out))
    text = all_text(pdf)
    assert "首问负责受理单" in text
    assert "当前状态 处理中" in text
    assert "时间 处理人 动作 说明" in text
    assert "2012年2月27日 11:00 李娟 转派 转网络部核查基站覆盖。" in text
    assert "2012年2月28日 06:00 网络部 刘强 回复" in text
    assert "第 1 页 共 1 页" in text
    assert decode_qr(pdf, 1, tmp_path) == ["KAD-TKT:T000042"]


def test_receipt_type_requires_aware_times() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        ReceiptData(**{**dataclasses.asdict(RECEIPT), "received_at": datetime(2012, 2, 27, 10, 0)})
