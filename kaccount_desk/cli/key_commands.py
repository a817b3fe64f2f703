"""``vault status``, ``vault recovery-key``, ``vault recover`` and ``vault rotate``: the data key's slots.

Nothing secret is printed but the recovery key, and that only by ``recovery-key`` (and ``init``),
which exist to show it once. The recovery key is read from KACCOUNT_RECOVERY_KEY or asked on the
terminal, never taken from the command line (it would stay in the shell's history and in ``ps``).
"""

from __future__ import annotations

import argparse
from dataclasses import asdict
from typing import Any

from kaccount_desk.cli.output import OK, json_flag, print_json, say, words
from kaccount_desk.cli.session import logged_in, open_store, secret


def register(sub: Any) -> None:
    p = sub.add_parser("vault", help="the data key: who holds a slot, a new recovery key, recovery, rotation")
    vsub = p.add_subparsers(dest="vault_command", required=True)
    for name, handler, text in (
        ("status", cmd_status, "staff IDs holding a key slot, and whether a recovery key and the old key file are still needed"),
        ("recovery-key", cmd_recovery_key, "make a new recovery key and print it once (the old one stops working)"),
        ("rotate", cmd_rotate, "a new data key: re-encrypt every ID number, image and draft, seal it to every slot"),
    ):
        c = vsub.add_parser(name, help=text)
        json_flag(c)
        c.set_defaults(handler=handler)
    c = vsub.add_parser("recover", help="every password lost: unlock with the recovery key and set a new admin password")
    c.add_argument("--admin", required=True, metavar="STAFF_ID", help="the admin who gets the new password")
    json_flag(c)
    c.set_defaults(handler=cmd_recover)


def show_recovery_key(args: argparse.Namespace, key: str) -> None:
    """The recovery key with what to do with it; for ``init`` and ``recovery-key``."""
    say(words(args, "恢复密钥(只显示这一次,请抄写在纸上,锁在办公室;所有密码都遗失时,用它恢复证件资料):",
              "Recovery key (shown this once: write it on paper and lock it away; it recovers the ID data when every password is lost):"))
    say(f"    {key}")


def cmd_status(args: argparse.Namespace) -> int:
    from kaccount_desk.services import vault

    state = vault.status(logged_in(args))
    if args.json:
        print_json(asdict(state))
        return OK
    say(words(args, f"密钥指纹 {state.fingerprint or '(尚无)'}", f"key fingerprint {state.fingerprint or '(none yet)'}"))
    say(words(args, f"有密钥槽的员工:{' '.join(state.staff_with_slot) or '无'}",
              f"staff with a key slot: {' '.join(state.staff_with_slot) or 'none'}"))
    if state.active_without_slot:
        say(words(args, f"还没有密钥槽的在职员工(下次登录时建立):{' '.join(state.active_without_slot)}",
                  f"active staff without a slot yet (made at their next login): {' '.join(state.active_without_slot)}"))
    say(words(args, "恢复密钥:已设置" if state.recovery else "恢复密钥:未设置,请运行 vault recovery-key 并抄写保存",
              "recovery key: set" if state.recovery else "recovery key: none; run vault recovery-key and keep the paper"))
    say(words(args, "旧的密钥文件:仍需要" if state.key_file_needed else "旧的密钥文件:不再需要",
              "old key file: still needed" if state.key_file_needed else "old key file: no longer needed"))
    return OK


def cmd_recovery_key(args: argparse.Namespace) -> int:
    from kaccount_desk.services import vault

    key = vault.new_recovery_key(logged_in(args))
    if args.json:
        print_json({"recovery_key": key})
    else:
        show_recovery_key(args, key)
    return OK


def cmd_rotate(args: argparse.Namespace) -> int:
    from kaccount_desk.services import vault_rotate

    done = vault_rotate.rotate(logged_in(args))
    if args.json:
        print_json(asdict(done))
    else:
        say(words(args, f"已更换数据密钥:指纹 {done.old_fingerprint} → {done.new_fingerprint};重新加密证件号码 {done.id_numbers} 个、"
                        f"证件照片 {done.id_images} 张、草稿 {done.drafts} 份;密钥槽 {done.slots} 个。其他柜台请重新登录",
                  f"data key rotated: fingerprint {done.old_fingerprint} → {done.new_fingerprint}; re-encrypted {done.id_numbers} "
                  f"ID numbers, {done.id_images} ID images, {done.drafts} drafts; {done.slots} key slots. Other desks must log in again"))
    return OK


def cmd_recover(args: argparse.Namespace) -> int:
    from kaccount_desk.services import vault

    store = open_store(args)
    recovery = secret(args, "KACCOUNT_RECOVERY_KEY", "恢复密钥", "the recovery key")
    new_password = secret(args, "KACCOUNT_NEW_PASSWORD", f"{args.admin} 的新密码", f"the new password for {args.admin}")
    admin = vault.recover(store, recovery, args.admin, new_password)
    if args.json:
        print_json({"admin": admin})
    else:
        say(words(args, f"已用恢复密钥解锁,管理员 {admin} 的密码已重设",
                  f"unlocked with the recovery key; admin {admin} has a new password"))
    return OK
