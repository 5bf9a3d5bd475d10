"""The words statements use: column titles, summary labels, section headings, card numbers.

Everything language-specific lives here, as data. Column titles are matched as whole phrases
(a header cell "Statement date" is not a Date column); labels and headings as regular
expressions over a line's lower-case text.
"""

from __future__ import annotations

import re
from unicodedata import combining, normalize

# A time of day printed as a row's ("11:05:55", "18:42").
CLOCK_RE = re.compile(r"\d{1,2}:\d\d(?::\d\d)?")
# Chinese, Japanese or Korean characters ("主卡", "本期結欠").
CJK_RE = re.compile(r"[\u3000-\u9fff\uac00-\ud7af\uff00-\uffef]+")


def words(*text: str) -> frozenset[str]:
    """A set of words written as text (easier to read and extend than a list of strings)."""
    return frozenset(" ".join(text).split())


# Column roles.
DATE, POST, DESC, AMOUNT, DEBIT, CREDIT, BALANCE = (
    "date",
    "post",
    "desc",
    "amount",
    "debit",
    "credit",
    "balance",
)
REF, CATEGORY, POINTS, FOREIGN, CURRENCY, SIGN, USER = (
    "ref",
    "category",
    "points",
    "foreign",
    "currency",
    "sign",
    "user",  # the cardholder of each row, in a column of their own
)
NUMERIC_ROLES = frozenset({AMOUNT, DEBIT, CREDIT, BALANCE, POINTS, FOREIGN})
MONEY_ROLES = frozenset({AMOUNT, DEBIT, CREDIT})
# The word for a balance, alone on a dated line of the table ("01.03.2024  Kontostand  4'312.85",
# "S A L D O" letter-spaced): that day's balance, no transaction.
BALANCE_WORDS = frozenset({"saldo", "balance", "solde", "kontostand", "s a l d o", "b a l a n c e"})

_TITLES = {
    DATE: "date | transaction date | trans date | tran date | txn date | trx date | purchase date"
    " | f.oper | f. oper | f.operacion | f.operación | sale | transdag"
    " | sale date | entry date | activity date | date of transaction | dia"
    " | date of | date of trans | date of trans. | date of txn."
    " | transaction day | datum | buchungstag | buchungsdatum | verbuchungsdatum | fecha"
    " | bu-tag | bu.-tag | bu.tag | butag"
    " | fecha operación | data"
    " | date opération | date d'opération | date de l'opération | transaktionsdatum"
    " | date de transaction | date de la transaction"
    " | trans. date | date of txn | trans | tran | trn date | txn dt | tran dt | date paid"
    " | paid date | check date | date of purchase | beleg | belegdatum | umsatztag | kaufdatum"
    " | date d'achat | date opé | fecha compra | köpdatum | transaktionsdag | f operación"
    " | einkaufsdatum"
    " | f operacion | f op | fecha op | data operacji | data transakcji | data contabile | dato"
    " | f. operativa | f operativa | fecha operativa | boekdatum | boekingsdatum | transactiedatum"
    " | transaksjonsdato"
    " | data operazione | data mov | data movimento | data do movimento | data de movimento"
    " | data lançamento | data lancamento | data transação | data da transação"
    " | fecha de la operación | fecha de operación | fecha de la operacion | fecha de operacion"
    " | fecha de transacción | fecha de transaccion | fecha transacción | fecha de compra"
    " | date of use | işlem tarihi | islem tarihi | tarih | ημερομηνία | ημερομηνία συναλλαγής"
    " | дата | дата операции | дата транзакции | 日付 | 取引日 | ご利用日 | data operazione"
    " | 이용일자 | 이용일 | 거래일자 | 거래일"
    " | ngày giao dịch | ngày gd | 交易日 | 消費日 | tranzakció dátuma | tranzakció"
    " | kirjauspäivä | tapahtumapäivä | päivä | päiväys | data tranzacției | data tranzactiei"
    " | completion time | completion date | transaction time | fecha operación | fecha operacion"
    " | date oper | date opér | date d'opér | date d'oper | datum transakcije | datum transakcije"
    " | datum izvršenja | datum plačila | datum transakcie | tanggal | tgl | tanggal transaksi"
    " | fecha oper | fecha de operacion"
    " | tgl transaksi | dt balancete | kirj.pv | trans.dag | buch.-tag",
    POST: "post date | posting date | posted date | date posted | posted | posting | value date"
    " | valuta | wertstellung | wert | date de valeur | date valeur | fecha valor | settlement date"
    " | process date | processed date | processing date | valutadatum | val. date | post"
    " | date processed | processed on | fecha liq | fecha liquidacion | fecha de liquidacion"
    " | booking date | book date | booked | value dt | val dt"
    " | posting dt | post dt | valeur | date de valeur | buchung | buchungsdatum"
    " | date de comptabilisation | date compta | вальор"
    " | fecha contable | bokföringsdatum | bokföringsdag | bogføringsdato | bokfört | bokført"
    " | f valor | f.valor"
    " | reskontradatum | reskontradag | rentedatum | valutadatum"
    " | data waluty | data księgowania | datum knjiženja | datum knjizenja | datum valute"
    " | datum obrade | datum knjiženja transakcije | datum zaúčtovania | datum valute"
    " | dátum zaúčtovania | dátum zaúčt | dátum valuty | datum valuty"
    " | tanggal valuta | tgl valuta | tanggal efektif"
    " | data valuta | data valor | data de valor | data-valor | fecha de cargo | fecha cargo"
    " | könyvelés dátuma | könyvelés | értéknap | arvopäivä | data valutei | date valeur"
    " | 入帳起息日 | 入帳日"
    " | 記帳日"
    " | ημ/νία αξίας | ημερομηνία αξίας | αξίας | дата списания | дата проводки | дата обработки"
    " | data registrazione | data contabile | data înregistrării | data inregistrarii"
    " | data decontării | data decontarii"
    " | date d'inscription | date d'inscr | date de comptabilisation | rentedato | valør"
    " | valørdato | bogført | received by us | date received | received | valutadag | rentedag"
    " | rente dato | bogf"
    " | maksupäivä | arvopv",
    DESC: "description | descriptions | details | transaction details | transaction description"
    " | particulars | mottagare | betalningsmottagare | erläuterung | erläuterungen"
    " | buchungsinformation | buchungsinformationen | název protiúčtu | zpráva"
    " | narrative | narration | merchant | merchant name | merchant details | payee | remarks"
    " | keterangan | uraian | deskripsi | uraian transaksi | keterangan transaksi"
    " | naam omschrijving | naam | mededelingen | mô tả | nội dung | diễn giải | nội dung giao dịch"
    " | ご利用店名 | ご利用店名（ご利用場所） | ご利用先 | 이용가맹점 | 가맹점명 | 이용하신 곳"
    " | opis transakcji | popis platby"
    " | transaction | transactions | description of transaction | activity | beschreibung"
    " | buchungstext | verwendungszweck | vorgang | libellé | libelle | opération | operation"
    " | descripción | concepto | descrizione | omschrijving | beskrivning | text"
    " | details of transaction"
    " | merchant name / description | payee / description | nature of transaction"
    " | nature des opérations | libellé des opérations | détail des opérations | opérations"
    " | beschreibung der buchung | text/verwendungszweck | concepto / descripción | transaktion"
    " | umsatz | umsätze | umsatzbeschreibung | umsatzinformation"
    " | opis operacji | opis | tytuł | city | state | country | merchant city | merchant state"
    " | merchant location | location | province | state/province | ciudad | ville | pays | ort"
    " | histórico | historico | descrição | descricao | lançamento | lancamento"
    " | descrizione operazioni | descrizione operazione | causale | tekst | forklaring"
    " | beskrivelse | popis | popis transakce | popis transakcie | název protiúčtu"
    " | descripción del movimiento"
    " | descripcion del movimiento | concepto del movimiento | movimiento | açıklama | aciklama"
    " | işlem açıklaması | περιγραφή | αιτιολογία | описание | описание операции"
    " | опис | опис операції | призначення платежу | деталі операції"
    " | назначение платежа | 摘要 | 内容 | ご利用先 | お取引内容 | transactions in detail"
    " | nội dung | nội dung chi tiết | diễn giải | 交易說明 | 消費明細 | 說明 | tranzakció leírása"
    " | közlemény | saaja/maksaja | selite | viesti | tapahtuma | descriere | detalii tranzactie"
    " | descripción operación o cobro | descripción operación | descripcion operacion",
    AMOUNT: "amount | amt | transaction amount | billing amount | billed amount | amount billed"
    " | cargo/abono | cargos/abonos | cargo / abono | cantidad"
    " | billed this month | amount billed this month | payment amount this month"
    " | billing amount this month | billing amount | payment amount"
    " | payment this month | this month's payment | monto total a pagar | total a pagar | monto"
    " | settlement amount | settlement amt | posted amount | billing currency amount"
    " | cargos y abonos | beløb | beløb i dkk"
    " | debit/credit | betrag | montant | importe | importo | bedrag | belopp | charges/credits"
    " | amount in | amount in rs | sgd amount | local currency amount | amount (local) | kwota"
    " | 新臺幣金額 | 臺幣金額"
    " | kwota operacji | valor | valor (r$) | valor r$ | montante | beløb | beløp | mutation"
    " | mutasi | mutations | částka | tutar | tutarı | işlem tutarı | kwota w pln | kwota w zł"
    " | сумма | сумма операции | сумма в рублях | ποσό | 金額 | ご利用金額 | importo in euro"
    " | 이용금액 | 거래금액"
    " | összeg | summa | määrä | suma | iznos | iznos u eur | iznos eur | znesek | iznos u kn"
    " | сума | сума в валюті картки | сума у валюті картки | сума в валюті рахунку"
    " | importo euro",
    DEBIT: "debit | debits | debet | withdrawal | withdrawals | money out | paid out | out"
    " | debit amount | v breme"
    " | dr | soll | débit | débits | cargo | cargos | uscite | af | withdrawal amt"
    " | withdrawal amount | amount subtracted | subtracted | amounts subtracted"
    " | payments | lastschrift | belastung | ausgang | spent | charges | charge | uttag | fees"
    " | fee"
    " | service fees | bank charges | obciążenia | débito | debito | débitos | dare | addebiti"
    " | withdrawals subtractions | subtractions | other subtractions | udbetaling | ut"
    " | χρέωση | χρεώσεις | списание | расход | дебит | お支払金額 | お引出し | 支払金額 | 出金"
    " | số tiền ghi nợ | ghi nợ | phát sinh nợ"
    " | ut av konto | ut fra konto | uttak | retiros | retiro | retiros / cargos | saques"
    " | payments out | payments - out | bedrag af | withdrawn | outgoing | debe",
    CREDIT: "credit | credits | kredit | deposit | deposits | money in | paid in | in | receipts"
    " | v dobro"
    " | incoming"
    " | credit amount | cr | haben | crédit | crédits | abono | abonos | entrate | bij"
    " | gutschrift | received | deposited | amount added | added | amounts added"
    " | deposit amt | deposit amount | eingang | insättning | uznania | crédito | credito"
    " | créditos | avere | accrediti | deposits additions | additions | other additions"
    " | indbetaling | inn | inn på konto | innskudd | πίστωση | πιστώσεις | зачисление"
    " | поступление | приход | кредит | お預り金額 | お預入れ | 預入金額 | 入金 | số tiền ghi có"
    " | ghi có"
    " | phát sinh có | depósitos | depositos | depósito | deposito | depósitos / abonos"
    " | payments in | payments - in | bedrag bij | haber | lodgements | lodgement",
    BALANCE: "balance | running balance | closing balance | available balance | ledger balance"
    " | stanje"
    " | saldo | solde | kontostand | balance forward | running total | saldo po operacji"
    " | end of day balance | saldo diario | zůstatek | zostatok"
    " | saldo po | ending daily balance | daily balance | ending balance | υπόλοιπο | остаток"
    " | салдо"
    " | залишок | залишок після операції | saldo operacion | saldo liquidacion"
    " | saldo po transakcji | bakiye | saldo contabilístico | saldo disponível | sold"
    " | 差引残高 | 残高 | số dư",
    REF: "ref | reference | ref no | reference no | reference number | ref number | chq no"
    " | cheque no | check no | chq ref no | chq/ref no | transaction id | auth code | approval code"
    " | iban | counterparty iban"
    " | receipt no | referenz | référence | referencia | txn id | ref# | ref #"
    " | transaction reference | chq / ref no | cheque number | check number | serial no"
    " | serial number | sr no | sl no | s no | serno | ser no | txn no | transaction no"
    " | transaction number | nr referencyjny | referenznummer | belegnr | referenca"
    " | chq | ref.no | chq./ref.no | chq ref | instrument no | instrument id | documento | number"
    " | check number | check no | check nbr | draft | draft no | draft number | check | cheque"
    " | gl code"
    " | check#"
    " | card no | card number | card no (last 4) | card no. (last 4) | card last 4 | card"
    " | card used"
    " | arkistointitunnus | arkistotunnus | archive id | código referencia | código"
    " | comprobante | nro. comprobante | n° comprobante | nº comprobante | comprob | nro. comprob"
    " | n° comprob | nº comprob | folio | no. folio"
    " | n° documento | nº documento | n° docum | nº docum | nro. documento | n° doc | nº doc"
    " | origen | cód. origen | cod. origen"
    " | referens | referanse | reference id | ref id | no de référence | ag origem | lote"
    " | nro operacion | nº oper | n° oper | nro oper | número | numero | referencie"
    " | αρ συναλλαγής | αριθμός συναλλαγής | αρ | 取扱店 | お取扱店"
    " | protiúčet | vs | ks | ss | variabilní symbol | konstantní symbol | specifický symbol"
    " | kód banky"
    " | document | doc no | document no | nº documento | n° documento | num doc | doc"
    " | dcto | docto | n° docto | nº docto | nro docto | nro documento | no documento | rekening"
    " | tegenrekening"
    " | số tham chiếu | số chứng từ | mã giao dịch",
    CATEGORY: "category | type | transaction type | mcc | kategorie | catégorie | categoría"
    " | ofic | oficina | can | canal"
    " | spend categories | spend category | spending category | merchant category"
    " | expense category | expense type"
    " | spends area | spend area | spending area | spends category | merchant type"
    " | payment method | payment type | installments | no. of installments"
    " | kurs | rate | exchange rate | fx rate | conversion rate | taux | cours | tipo de cambio"
    " | växelkurs | umrechnungskurs | time | txn time | transaction time | hora | heure | uhrzeit"
    " | channel | via | branch | channel/branch | canal | kanal | sucursal | agencia | oficina"
    " | cbg | cabang | med atencion"
    " | originating branch | agence | filiale | zweigstelle"
    " | installment | instalment | installments | instalments | plan | payment method"
    " | installment period | instalment period | installment term | instalment term"
    " | budget / plan | budget plan | budget | status | transaction status | n° cuota | cuota"
    " | cuotas"
    " | conv. date | conv date | conversion date | 外幣折算日 | 折算日"
    " | payment month | code | transactiecode | 支払区分 | 回数 | お支払回数 | 할부 | 회차"
    " | typ transakcji | typ operacji | rodzaj operacji | označení platby | typ platby"
    " | 할부 (개월) | 회차 | 이용카드",
    USER: "user | cardholder | card holder | cardmember | card member | employee | ご利用者"
    " | employee name | name on card | karteninhaber | titulaire | team member",
    POINTS: "points | reward points | rewards | cashback | cash back | miles | pts | bonus points"
    " | daily cash | cashback earned | clubcard points"
    " | reward | points earned | reward pts | bonus | puan | maxipuan | chip-para"
    " | feature reward points | feature reward"
    # Other figures beside a card's charge: a discount taken off it, the whole price of a
    # purchase paid in instalments, what remains of those instalments.
    " | benefit | discount | benefit/discount | benefit / discount | discount amount"
    " | usage amount | balance after payment | remaining balance | installment balance"
    " | amount of use | balance to next month | next month's balance | monto operación o cobro"
    " | monto operación | valor cuota mensual | valor cuota"
    # Fees accrued beside each row, charged on a later statement.
    " | accrued bank charges | accrued charges | accrued fees"
    # What an instalment purchase costs this month, and what is left to pay.
    " | 今回お支払金額 | 翌月以降 | 翌月以降お支払残高 | 결제금액 | 결제금액 (원금) | 수수료"
    " | 수수료 (이자) | 잔액 | 잔액 (결제후)",
    FOREIGN: "foreign currency | foreign amount | original amount | original currency amount"
    " | beløb i valuta | monto origen"
    " | intl amount | international amount | notes | local currency"
    " | amount in foreign currency | fx amount | orig amount | foreign currency amount | original"
    " | currency amount | transaction currency amount | foreign curr amount | foreign spend"
    " | original amt | orig amt | foreign amt | orig. amount | original currency | fremdwährung"
    " | betrag in fremdwährung | devise | montant devise | moneda extranjera"
    " | belopp i valuta | importe en divisa | importe divisa | divisa | montant en devise"
    " | valor em moeda estrangeira | trans amount | transaction amount in original currency"
    " | kwota w walucie | kwota w walucie transakcji | kwota oryginalna | сумма в валюте"
    " | сума в валюті операції | сума у валюті операції | сума в валюті транзакції"
    " | iznos u originalnoj valuti | originalni iznos | iznos u valuti | izvorni iznos"
    " | znesek v originalni valuti | suma v pôvodnej mene"
    " | сумма в валюте операции | importo in valuta | importo originale | eredeti összeg"
    " | 外幣金額 | 原幣金額",
    CURRENCY: "currency | ccy | cur | währung | devise | moneda | curr | trans currency | 幣別"
    " | transaction currency",
    SIGN: "cr/dr | dr/cr | c/d | d/c | dr / cr | cr / dr | +/- | + / - | -/+ | - / +",
}


def cases(word: str) -> tuple[str, ...]:
    """A word as statements print it: lower case, capitals, capitalised, with and without its
    accents; with Turkish "İ" for "i" in capitals too."""
    found: tuple[str, ...] = ()
    for form in {word, fold(word)}:
        upper, capital = form.upper(), form.capitalize()
        found += (form, upper, capital)
        if "i" in form:
            found += (upper.replace("I", "İ"), form[0].upper().replace("I", "İ") + form[1:])
    return found


def fold(text: str) -> str:
    """Lower case without accents, as titles and labels are compared: "DESCRIPCION" and
    "Descripción", "ΥΠΟΛΟΙΠΟ" and "Υπόλοιπο" are the same title ("İ" lowers to "i" and a
    combining dot, dropped too)."""
    return unaccented(text.lower())


def unaccented(text: str) -> str:
    """The text without its accents (patterns are written in lower case, with them)."""
    if text.isascii():
        return text
    return "".join(ch for ch in normalize("NFD", text) if not combining(ch))


TITLES: dict[tuple[str, ...], str] = {
    tuple(map(fold, phrase.split())): role
    for role, phrases in _TITLES.items()
    for phrase in (p.strip() for p in phrases.split("|"))
}
TITLE_WORDS = frozenset(word for phrase in TITLES for word in phrase)
# The title words as the vocabulary spells them, accents and all.
PRINTED_TITLE_WORDS = frozenset(
    word for phrases in _TITLES.values() for phrase in phrases.split("|") for word in phrase.split()
)
LONGEST_TITLE = max(len(phrase) for phrase in TITLES)
# Titles of other tables (instalment plans, reward summaries) that end a transaction table.
OTHER_TABLE_WORDS = words(
    "emi tenure principal installment instalment installments instalments loan opening "
    "closing redeemed earned expired"
)


def title_word(word: str) -> str:
    """A header word as the title tables spell it: lower case, without trailing punctuation."""
    # ("£Out", "£In", "£Balance": a currency's symbol printed against the title.)
    return fold(word).strip(".:*#/").lstrip("$€£¥₹₩").replace("’", "'")


# Summary labels: role, whether a line with it can never be a row, and the pattern.
_LABELS = [
    (
        "skip",
        True,
        r"minimum (?:payment|amount|amt)?\s*(?:due|payable)?|min\.? (?:amt|amount|payment|due)"
        r"|total minimum|credit limit|available credit|available (?:cash|balance|limit)"
        r"|cash (?:advance )?limit|(?:(?:authori[sz]ed|arranged|agreed|planned) )?overdraft limit"
        r"|(?:authori[sz]ed|arranged|agreed) limit|kreditlinie|dispo(?:kredit|rahmen)?"
        r"|eingeräumte kontoüberziehung|kontorahmen"
        r"|beviljad kredit|kreditgräns|kreditramme|bevilget kredit|räntesats|rentesats"
        r"|minimalni iznos(?: za uplatu)?|okvir potrošnje|raspoloživi iznos"
        r"|minimálisan fizetendő összeg|teljes visszafizetendő összeg|(?:szabad )?hitelkeret"
        r"|credit line|over ?limit|past due|overdue|year[- ]to[- ]date|\bytd\b|total (?:fees"
        r"|interest)"
        r" charged (?:in|for) \d{4}|annual percentage|days in (?:the )?billing|interest rate"
        r"|total credit|asgari ödeme(?: tutarı)?|kart limiti|kullanılabilir limit"
        r"|nakit avans limiti|gelecek dönem|minimalna kwota do zapłaty|limit kredytowy"
        r"|dostępny limit|fido mensile|disponibilità residua|verfügbare[rs]? (?:betrag|saldo)"
        # (A figure about the balance, not the rows: "Average Balance 17,912.44".)
        r"|average (?:daily |monthly |ledger |available |collected )?balance"
        r"|avg\.? (?:daily |monthly )?bal(?:ance)?",
    ),
    (
        "due_date",
        True,
        r"(?:payment )?due (?:date|by|on)|(?:please )?pay(?:ment)? by|direct debit on"
        r"|son ödeme tarihi",
    ),
    (
        "stmt_date",
        True,
        r"statement (?:closing )?date|closing date|statement (?:period|from)"
        r"|billing (?:period|cycle|date)|period (?:covered|ending|from)|date of (?:this )?statement"
        r"|statement as (?:of|at)|as (?:of|at)\b|for the period|statement issue date|cycle date"
        r"|\bperiod\b|kontoauszug vom|relevé du|période du|periodo|hesap kesim tarihi"
        r"|date d'arrêté|arrêté au"
        r"|이용기간|ご利用期間|利用期間",
    ),
    (
        "prev",
        True,
        r"previous (?:statement |account )?balance|prior balance|balance from (?:last )?statement"
        r"|last (?:month'?s?|statement)'? balance"
        r"|balance (?:from )?(?:last|previous) statement|opening balance|balance (?:brought|b/?f)"
        r"(?: forward)?|brought forward|balance forward|beginning balance|starting balance"
        r"|saldo anterior|alter (?:kontostand|saldo)|ancien solde|solde (?:précédent|initial"
        r"|de début)"
        r"|anfangssaldo|ingående saldo|saldo iniziale|saldo aus (?:letzter|vorheriger) abrechnung"
        r"|saldo alt|saldo vorige abrechnung|solde (?:antérieur|précédent)|ancien solde"
        r"|saldo föregående|(?:übertrag|uebertrag) (?:von|aus)|saldovortrag|vortrag vom"
        r"|report de la page|report (?:de )?solde|solde report[ée]"
        r"|beginsaldo|vorig saldo|oud saldo|saldo początkowe|saldo z przeniesienia|saldo primo"
        r"|transport fra|transporteret|saldo der letzten abrechnung|saldo letzte abrechnung"
        r"|saldo der vorabrechnung|solde interm[ée]diaire(?! a fin| à fin)"
        r"|letzter saldo|(?:report|transport|riporto)(?=\s*[-\u2212(]?\d)|kontostand alt"
        r"|saldo fra (?:forrige |sidste )?(?:kontoutskrift|kontoudtog|opgørelse)"
        r"|saldo fra forrige|počáteční zůstatek|deuda anterior|prenos z predchádzajúcej strany"
        # (Carried from the previous page: Norwegian, Danish, Swedish.)
        r"|overført fra (?:forrige|foregående) side|överfört från föregående sida"
        r"|počáteční stav|zůstatek na začátku|transporte(?=\s*[-\u2212(]?\d)|saldo inicial"
        r"|b/f balance|balance b/f|önceki dönem borcu|önceki dönemden devreden|saldo transportado"
        r"|(?:saldo da |valor da |total da )?fatura anterior"
        r"|saldo riportato|viene de (?:la )?p[áa]gina anterior|převod z předchozí strany"
        r"|devreden bakiye|önceki bakiye|dönem başı bakiye(?:si)?|açılış bakiyesi"
        r"|önceki sayfadan devreden|suma anterior"
        r"|上期應繳總額|上期帳單金額|上期余额|上期餘額|số dư đầu kỳ"
        r"|υπόλοιπο (?:έναρξης|προηγούμενης περιόδου)|προηγούμενο υπόλοιπο|από μεταφορά"
        r"|входящий остаток|остаток на начало(?: периода)?|начално салдо|пренесено салдо"
        r"|前月繰越(?:残高)?|前頁より繰越|前回残高"
        r"|залишок на початок(?: періоду)?|вхідний залишок"
        r"|zadłużenie z poprzedniego wyciągu|saldo poprzednie|saldo precedente"
        r"|saldo (?:vom )?vormonat"
        r"|saldo letzte abrechnung|saldo letzte rechnung|saldo der letzten rechnung"
        r"|saldo vorperiode|start balance|alkusaldo|edellinen saldo|edellisen laskun saldo"
        r"|siirto edelliseltä sivulta|overgedragen saldo"
        r"|saldo edelliseltä sivulta|sold inițial|sold initial|sold anterior|sold precedent"
        r"|prethodno stanje|početno stanje|prejšnje stanje"
        r"|előző (?:kivonat )?egyenlege?|nyitó egyenleg|áthozat(?: az előző oldalról)?"
        r"|počiatočný zostatok(?: k)?",
    ),
    (
        "new",
        True,
        r"new balance|closing balance|statement balance|total (?:amount |payment )?due"
        # (What this statement asks to be paid: "Total payment amount", not payments made.)
        r"|total payment amount|payment amount this month"
        r"|balance (?:at|as at|on) (?:the )?(?:date of (?:the )?statement|statement date)"
        # (What a deferred-debit card's statement takes from the account: its new balance.)
        r"|(?:solde|montant)(?: net)? (?:débité|prélevé) (?:au|le)\b|débit différé (?:au|le)\b"
        r"|(?<!minimum )amount due|balance due|total balance(?! transfer)|outstanding balance"
        r"|total outstanding"
        r"|balance (?:carried|c/?f)(?: forward)?|carried forward|ending balance|current balance"
        r"|neuer (?:kontostand|saldo)|nouveau solde|solde (?:final|de fin)|endsaldo|utgående saldo"
        r"|saldo final|total payable|amount payable|saldo neu|neuer saldo|nouveau solde"
        r"|att betala|utgående saldo|saldo att betala"
        r"|(?:übertrag|uebertrag) (?:auf|nach)(?! \w*konto)"
        r"|(?:total )?à reporter"
        r"|suma y sigue|eindsaldo|nieuw saldo|saldo końcowe|saldo do przeniesienia|schlusssaldo"
        r"|schlußsaldo|saldo finale|saldo ultimo|transporteres|kontostand neu"
        r"|overføres til (?:neste|næste) side|överförs till nästa sida"
        r"|saldo a riportare|nakli yekün|siirtyy seuraavalle sivulle"
        r"|konečný zůstatek|konečný stav|zůstatek na konci|transportar|c/f balance"
        r"|dönem borcu|hesap özeti borcu|dönem sonu bakiye(?:si)?|kapanış bakiyesi"
        r"|υπόλοιπο λήξης|νέο υπόλοιπο|τελικό υπόλοιπο"
        r"|σε μεταφορά|исходящий остаток|остаток на конец(?: периода)?|крайно салдо|салдо за пренос"
        r"|次月繰越|次頁へ繰越"
        r"|залишок на кінець(?: періоду)?|вихідний залишок"
        r"|当月末残高|今回残高|zadłużenie na koniec okresu(?: rozliczeniowego)?|saldo końcowe"
        r"|nuovo saldo|nuevo saldo|saldo actual|saldo atual|end balance|loppusaldo|uusi saldo"
        r"|ny saldo|nyt saldo|balance to pay|kontosaldo zu ihren gunsten|saldo zu ihren gunsten"
        r"|převod na další stranu"
        r"|saldo em dívida|importe a pagar|total a pagar|total deuda del mes"
        r"|saldo over te dragen|over te dragen saldo"
        r"|saldo siirtyy seuraavalle sivulle|siirto seuraavalle sivulle"
        r"|sold final|本期應繳總額|本期帳單金額|本期應繳金額|本期余额|本期餘額|số dư cuối kỳ"
        r"|novo stanje(?: za plaćanje)?|konačno stanje|končno stanje|új egyenleg|záró egyenleg"
        r"|konečný zostatok(?: k)?|átvitel(?: a következő oldalra)?"
        r"|solde interm[ée]diaire (?:a|à) fin|solde en euros?",
    ),
    (
        "bal_at",
        True,
        r"solde (?:créditeur |débiteur |crediteur |debiteur )?(?:au|le)\b"
        r"|balance (?:as )?(?:on|at|of)\b|saldo (?:per|al|am|den|pr)\b|saldo a(?= \d{1,2}[/.-])"
        r"|kontostand (?:am|per|zum)\b"
        # ("Kontostand in EUR am 29.02.2024", "Balance in USD as of")
        r"|(?:kontostand|saldo|balance) in [a-z]{3} (?:am|per|al|as of|on|at)\b"
        r"|saldo i (?:din |deres )?favør|saldo til (?:din|deres) fordel"
        r"|saldo(?= \d{1,2}[./]\d{1,2}[./]\d{2,4})"
        r"|end[- ]of[- ]day balance|day[- ]end balance|closing balance for the day"
        r"|saldo (?:total )?(?:disponível )?(?:do )?dia|saldo final do dia"
        r"|(?:übertrag|uebertrag)\b",
    ),
    (
        "charges",
        False,
        r"(?:total )?(?:purchases|new charges|charges|debits|withdrawals|money out"
        r"|paid out|new transactions|transactions|spending|odepsáno(?: celkem)?|σύνολο χρεώσεων"
        r"|расходы|витрати|разом витрат"
        r"|списания|お支払金額合計|支払金額合計|transakcje, prowizje i opłaty|addebiti del mese"
        r"|belastungen|summe der belastungen|otot(?: yhteensä)?|debit mutations?|mutasi debe?t"
        r"|(?:novi )?troškovi|terećenja|vásárlások(?:, készpénzfelvételek)?|terhelések"
        r"|toplam çıkış|(?:summe )?ausgänge|hævet i alt|udbetalt i alt|køb og hævninger"
        r"|purchases (?:and|&) (?:other )?(?:charges|debits"
        r"|adjustments))(?: (?:and|&) (?:other )?(?:charges|debits|adjustments|cash advances))?",
    ),
    (
        "credits",
        False,
        r"(?:total )?(?:payments?(?: (?:and|&|,) (?:other )?credits)?|(?:other )?credits"
        r"|payments received|deposits(?: (?:and|&) (?:other )?(?:additions|credits))?|money in"
        r"|paid in|refunds|připsáno(?: celkem)?|σύνολο πιστώσεων|поступления|зачисления"
        r"|надходження|разом надходжень"
        r"|お預り金額合計|預入金額合計|spłaty i uznania|pagamenti e accrediti|gutschriften"
        r"|summe der gutschriften|panot(?: yhteensä)?|credit mutations?|mutasi kredit"
        r"|uplate|(?:ostala )?odobrenja|befizetések(?:, jóváírások)?|jóváírások|toplam giriş"
        r"|(?:summe )?eingänge|indsat i alt|indbetalt i alt|indbetalinger)",
    ),
    (
        "other",
        False,
        r"(?:total )?(?:fees(?: charged)?|interest(?: charged)?|cash advances?"
        r"|balance transfers?)",
    ),
]
LABEL_STRONG = {role: strong for role, strong, _ in _LABELS}
# Balances carried over a page break, not the statement's opening or closing balance.
CARRIED_RE = re.compile(
    unaccented(
        r"\b(?:brought|carried) forward|\bb/f\b|\bc/f\b|report|reporter|transport|übertrag"
        r"|riporto"
        r"|suma y sigue|przeniesienia|μεταφορά|次頁|前頁|sivulle|sivulta"
        r"|(?:neste|næste|forrige|foregående) side|(?:nästa|föregående) sida"
        r"|riportat|riportare|пренос|пренесено|átvitel|áthozat|intermediaire|over te dragen"
        r"|overgedragen"
    )
)
# A balance's label by itself: previous, new or dated balance.
# (Compared with text as `fold` gives it: without accents.)
BALANCE_LABEL_RE = re.compile(
    unaccented("|".join(f"(?P<{r}>{p})" for r, _, p in _LABELS if r in ("prev", "new", "bal_at")))
)
LABEL_RE = re.compile(
    unaccented("|".join(f"(?P<{role}>{pattern})" for role, _, pattern in _LABELS))
)
LABEL_WORDS = words(
    "ausgänge eingänge edellisen siirto lançamentos nakli ny nyt i indbetalinger køb deuda prenos "
    "kontorahmen "
    "minimum min credit available cash over past overdue year ytd annual days due pay eingeräumte "
    "payment direct statement closing billing period date as cycle previous prior last "
    "opening balance brought beginning starting new total amount outstanding carried ending "
    "current purchases charges debits withdrawals money paid spending credits payments "
    "önceki dönem borcu asgari ödeme kesim son b/f c/f transporte transportar sum favør fra "
    "average avg fatura anterior devreden bakiye toplam toplamı toplami giriş çıkış açılış "
    "kapanış verfügbarer "
    "overført overføres överfört överförs montant débité prélevé riportare riportato nuevo "
    "υπόλοιπο προηγούμενο από σε νέο τελικό σύνολο σύνολα "
    "входящий исходящий остаток расходы списания поступления зачисления итого "
    "начално крайно салдо пренос пренесено обороти "
    "залишок вхідний вихідний надходження витрати разом всього "
    "前月繰越 前月繰越残高 前頁より繰越 前回残高 次月繰越 次頁へ繰越 当月末残高 今回残高 "
    "お支払金額合計 支払金額合計 お預り金額合計 預入金額合計 合計 小計 "
    "zadłużenie transakcje, spłaty minimalna vormonat vorperiode belastungen gutschriften "
    "totales subtotal subtotales transportado start end end-of-day day-end transactions "
    "alkusaldo loppusaldo "
    "edellinen uusi sold panot otot yhteensä rulaj 上期應繳總額 上期帳單金額 上期余额 上期餘額 "
    "本期應繳總額 本期帳單金額 本期應繳金額 本期余额 本期餘額 số tổng "
    "limit dostępny razem nuovo precedente pagamenti addebiti fido disponibilità "
    "počáteční konečný zůstatek odepsáno připsáno "
    "deposits refunds fees interest kontoauszug relevé période periodo saldo alter ancien "
    "solde anfangssaldo neuer nouveau endsaldo ingående utgående payable interest subtotal "
    "sub-total sub solde kontostand saldo summe zwischensumme gesamt somme sous-total suma "
    "totale totaal totalt summa totals totaux übertrag uebertrag saldovortrag vortrag report à "
    "beginsaldo kontosaldo viene převod "
    "eindsaldo vorig oud nieuw początkowe końcowe schlusssaldo schlußsaldo primo ultimo "
    "transporteres transport transporteret riporto authorised authorized arranged agreed planned "
    "overdraft kreditlinie dispo dispokredit disporahmen dispositionskredit net beviljad "
    "kreditgräns kreditramme "
    "이용기간 ご利用期間 利用期間 "
    "bevilget räntesats rentesats mutation mutasi debit prethodno početno prejšnje novo "
    "konačno končno uplate odobrenja ostala novi troškovi terećenja ukupno skupaj minimalni "
    "okvir raspoloživi előző nyitó új záró befizetések jóváírások vásárlások terhelések "
    "átvitel áthozat "
    "minimálisan teljes szabad hitelkeret počiatočný konečný zostatok"
)
TOTAL_RE = re.compile(
    unaccented(
        r"(?:grand |closing |transactions? |turnover "
        r"|(?:card|cardholder|account|member|employee|cost cent(?:er|re)) )?"
        r"(?:sub[- ]?total|total|totals|totaux|summe|zwischensumme|gesamt|somme|umsatztotal"
        r"|sous[- ]total|suma|totale|totales|subtotales?"
        r"|totaal|(?:kart |hesap )?toplam[ıi]?|jumlah"
        # ("A RIPORTARE" / "RIPORTO": the columns' sums carried over a page break)
        r"|a riportare|riporto|transport (?:naar volgende?|van vorige?) (?:blad|pagina)"
        r"|overført til neste side"
        # ("Valor total - MARIANA C OLIVEIRA - final 4821": an amount's word before it, the
        # name of whose total after; "MONTO TOTAL FACTURADO A PAGAR" is the amount due.)
        r"|(?:valor|importe|monto|montant) total(?= [-–:]|$)"
        # ("Lançamentos no cartão (final 3318)": what the card with that number spent.)
        r"|lançamentos no cartão(?= \(final)"
        r"|totalt|i alt|summa|sum|razem|итого|обороти|σύνολο|σύνολα|rulaj|yhteensä|tổng cộng|ukupno"
        r"|skupaj|käive"
        # ("Ausgänge  -2.472,51€": what went out, in sum, as a neobank's overview prints it)
        r"|ausgänge|eingänge"
        r"|разом|всього)\b"
        r"|\S{0,10}?(?:合計|小計|合计|小计|总计|소계|합계|총계)"
        r"|(?:\S+ ){1,3}(?:összesen|celkem|spolu|kokku)\b"
        # ("NET AMOUNT OF MONTHLY ACTIVITY  $743.85": the rows' sum)
        r"|net (?:amount of )?(?:monthly )?activity\b"
    )
)

# A heading over transactions not yet processed: not the statement's rows.
PENDING_RE = re.compile(
    r"\b(?:pending|not yet (?:posted|processed)|authori[sz]ations?|vorgemerkt|en attente"
    r"|pendientes?|in sospeso|pr[óo]ximas faturas|lançamentos futuros)\b"
)
# Section headings: a short line of words naming what its rows are. Payments made by card or
# to bills are money out, so those phrases are taken out before looking for credit words.
SPENT_PAYMENTS_RE = re.compile(
    r"\b(?:card|bill|direct debit|standing order|online|electronic|other|atm|pos) payments?\b"
)
CREDIT_SECTION_RE = re.compile(
    r"\b(?:payments?|credits?|refunds?|deposits?|returns|additions|receipts|money in|paid in"
    r"|gutschriften|einzahlungen|crédits|versements|abonos|ingresos|insättningar|créditos)\b"
)
DEBIT_SECTION_RE = re.compile(
    r"\b(?:purchases?|charges|withdrawals?|debits?|fees|interest charged|deductions"
    # Cheques the holder wrote ("Checks Paid", "Checks Presented Conventionally"), not those
    # paid in.
    r"|(?:checks|cheques)(?! (?:deposited|received|paid in|in\b))"
    r"|money out|paid out|cash advances?|subtractions|spending|belastungen|lastschriften"
    # ("Umsätze", all of an account's transactions, names no side.)
    r"|achats|débits|dépenses|cargos|compras|uttag|köp|despesas|parcelamentos?"
    r"|balance transfers?)\b"
)
# What a total of money out, or in, is named ("Totaal debet", "Total credits").
TOTAL_SIDES = (
    re.compile(
        r"\b(?:debits?|debet|withdrawals?|money out|paid out|charges|belastungen|soll|in and out"
        r"|addebiti|cargos|débits?|uitgaven|af|cıkıs|cikis|ausgange)\b"
    ),
    re.compile(
        r"\b(?:credits?|deposits?|money in|paid in|gutschriften|haben|accrediti|abonos"
        r"|crédits?|ontvangsten|bij|giris|eingange)\b"
    ),
)
NOT_SECTION_RE = re.compile(
    r"\b(?:statement|credit cards?|debit cards?|bank|summary|limit|rate|information|notice"
    r"|important"
    r"|credit union|federal|building society|savings and loan"
    r"|slip|coupon|remittance|stub|counterfoil"
    # (How to pay, not what was paid: "PAYMENT OPTIONS", "Ways to pay".)
    r"|options|methods|ways to pay|how to pay)\b"
    # (Advice, not a list of rows: "If you miss a payment".)
    r"|^(?:if|when|how|what|why) "
)
# A note that the table goes on elsewhere: never part of a row.
NOTE_RE = re.compile(
    r"\b(?:to be continued|continued (?:on|over|overleaf|next page)"
    r"|see (?:the )?(?:next|following) page"
    r"|suite au verso|suite (?:à la|en) page suivante|fortsetzung auf|segue(?=\s*(?:>|$))"
    r"|ciąg dalszy na następnej stronie|contin[úu]a en la (?:siguiente |pr[óo]xima )?p[áa]gina)\b"
)
PRODUCT_WORDS = words(
    "visa mastercard master amex platinum gold titanium signature infinite world elite "
    "rewards corporate business card credit classic premier select preferred diners "
    "commercial"
)
# Any word a section heading needs (a cheap filter before the patterns above).
SECTION_WORDS = words(
    "payment payments credit credits refund refunds deposit deposits returns additions receipts"
    " in out purchase purchases charges withdrawal withdrawals debit debits fees interest checks"
    " cheques cash advance advances subtractions spending transaction transactions activity"
    " details gutschriften einzahlungen crédits versements abonos ingresos insättningar"
    " belastungen lastschriften umsätze achats débits dépenses cargos compras uttag köp"
    " opérations movimientos deductions créditos creditos despesas parcelamentos parcelamento"
    " transfers principal supplementary pagamentos financiamentos"
)
# Every word a section heading may be made of: its section words and the words that join them
# ("Purchases and adjustments", "Payments & other credits", "Fees charged").
HEADING_WORDS = (
    SECTION_WORDS
    | words(
        "and other your the of for this period new charged adjustments continued received"
        " summary detail account domestic international foreign cash balance"
        # (The same joins and words in other languages: "Pagos y abonos", "Autres débits".)
        " y e et und og och en de del des du otros otras autres andere sonstige pagos"
        " paiements zahlungen pagamenti pagamento pagamentos demais"
    )
    | {""}
)
HEADING_RE = re.compile(
    r"\b(?:transactions?|activity|account details|umsätze|opérations|movimientos)\b"
)
_CARD_NUMBER_RE = re.compile(r"(?<!\w)(?:[x*•\d]{4}[ -]?){1,3}[x*•]*(\d{4})(?!\w)", re.IGNORECASE)
# An American Express or Diners Club number: four, six (masked) and five or four
# ("xxxx-xxxxxx-51004", "3782 XXXXXX 51004", "XXXX-XXXXXX-4417", "XXXX XXXXXX 1 2004").
_AMEX_NUMBER_RE = re.compile(
    r"(?<!\w)(?:3\d{3}|[x*•]{4})[ -]?[x*•]{6}[ -]?(\d{4,5}|\d \d{4}|[x*•]\d{4})(?!\w)", re.I
)
_CARD_ENDING_RE = re.compile(
    r"\b(?:ending|ends|end|terminaci[oó]n|terminada en|termina en|se terminant par"
    r"|endend (?:auf|mit)"
    r"|(?:(?<=- )|(?<=titular\) )|(?<=adicional\) )|cart[aã]o (?:adicional )?)final)"
    r"(?: in| with)?:? ?[x*•\d-]*?(\d{4})(?!\w)",
    re.IGNORECASE,
)


_DIGIT_GROUP_AFTER = re.compile(r"[ -]\d")
_DIGIT_GROUP_BEFORE = re.compile(r"\d[ -]$")
# An account's IBAN in groups of four, letters among them ("RO49 RZBR 0000 0600 1234 5678").
_IBAN_RE = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){3,7}(?: ?[A-Z0-9]{1,3})?\b")


def card_number(text: str) -> tuple[int, int, str] | None:
    """Where a card number is printed in the text, and its last four digits.

    A masked number (`XXXX-XXXX-XXXX-1234`, `5412 75XX XXXX 3053`), a full one with separators,
    or "ending in 1234"; a bare run of digits is a reference, not a card."""
    m = _AMEX_NUMBER_RE.search(text)
    if m and any(ch in "xX*•" for ch in m.group()):
        return m.start(), m.end(), m[1][-4:]  # "xxxx-xxxxxx-51004": four, six and five
    for m in _CARD_NUMBER_RE.finditer(text):
        number = m.group()
        if any(ch in "xX*•" for ch in number):
            return m.start(), m.end(), m[1]
        # Sixteen digits in groups, not four groups of a longer number ("FR76 3000 4008 7100
        # 0604 1728 732", an IBAN).
        if sum(ch in " -" for ch in number) >= 3 and not (
            _DIGIT_GROUP_AFTER.match(text, m.end())
            or _DIGIT_GROUP_BEFORE.search(text[: m.start()])
            or any(i.start() <= m.start() < i.end() for i in _IBAN_RE.finditer(text))
        ):
            return m.start(), m.end(), m[1]
    m = (
        _CARD_ENDING_RE.search(text)
        or _CARD_HASH_RE.search(text)
        or _CARD_PAREN_RE.search(text)
        or _CARD_DOTS_RE.search(text)
    )
    if m:
        return m.start(), m.end(), m[1]
    return None


# A card's last four digits after two or three masking dots or stars ("Visa •• 4821").
_CARD_DOTS_RE = re.compile(r"(?<![\w*•])[*•]{2,3} ?(\d{4})(?!\w)")


# A card's last four digits after a name, ended by a colon ("MARCUS T BELLAMY #6610:
# Transactions"); a store's number has none ("H-E-B #612", "STARBUCKS #1234").
_CARD_HASH_RE = re.compile(r"(?<!\w)#(\d{4}):")
# A card's last four digits in parentheses after its holder's heading ("MICHAEL A TORRES
# TRANSACTIONS THIS CYCLE (CARD 4417)").
_CARD_PAREN_RE = re.compile(r"\(card (?:no\.? |ending )?(\d{4})\)", re.IGNORECASE)


NAME_NOISE = words(
    "card cardholder card-holder holder name ending in ends with for of account no no. "
    "number primary additional supplementary basic add-on member card-member : - – # "
    "(continued) continued mr mrs ms dr karteninhaber kartennummer titulaire carte numéro "
    "kortinnehavare kortnummer nr karty karta tarj tarjeta carta karte kartennummer principal"
    " supplementary apple google samsung pay wallet paypal device token virtual digital mobile"
    " hauptkarte zusatzkarte basiskarte partnerkarte"
    " numarası numarasi kart broj kartice kartica karte številka kartice karten-nr karten-nr."
    " kartennr kartennr. karteninhaber: cardmember cardmember: card-member n° nº n°: titulaire"
    " tarjetahabiente tarjetahabiente: titular titular: terminación terminacion terminada termina"
    " ek asıl asil adicional final kad utama tambahan"
)
# A person's title, part of their name as printed (NAME_NOISE sets it aside to count a name's
# words).
HONORIFICS = words("mr mr. mrs mrs. ms ms. miss dr dr. mme m. mlle herr frau sr sr. sra sra.")
# Words of a section heading printed on the cardholder's line ("New charges  JANE DOE").
NAME_NOISE = NAME_NOISE | words(
    "new charges purchases payments credits transactions activity other and & total summary"
    " detail details this cycle"
)

# Words that show a line of capitals is not a person's name (a heading, a note, a footer).
NAME_WORDS = (
    SECTION_WORDS
    | TITLE_WORDS
    | LABEL_WORDS
    | OTHER_TABLE_WORDS
    | PRODUCT_WORDS
    | words(
        "continued page statement account summary total subtotal bank limited ltd inc llc plc"
        " gmbh domestic international foreign transactions details important notice end of terms"
        " conditions and the for please message messages rewards points department"
    )
)

# Currencies written out on a foreign-spend line ("102.55 Euros").
CURRENCY_NAMES = {
    "euro": "EUR",
    "euros": "EUR",
    "pounds": "GBP",
    "pound": "GBP",
    "sterling": "GBP",
    "dollars": "USD",
    "dollar": "USD",
    "yen": "JPY",
    "francs": "CHF",
    "franc": "CHF",
    "rupees": "INR",
    "rupee": "INR",
    "kronor": "SEK",
    "krona": "SEK",
    "kroner": "NOK",
    "yuan": "CNY",
    "renminbi": "CNY",
    "ringgit": "MYR",
    "baht": "THB",
    "won": "KRW",
    "krone": "DKK",
    "zloty": "PLN",
    "forint": "HUF",
    "koruna": "CZK",
    "lira": "TRY",
    "dirham": "AED",
    "riyal": "SAR",
    "rupiah": "IDR",
    "shekel": "ILS",
    "rouble": "RUB",
    "ruble": "RUB",
    "hryvnia": "UAH",
    "dólares": "USD",
    "dolares": "USD",
    "dólar": "USD",
    "dolar": "USD",
    "dollari": "USD",
    "libras": "GBP",
    "libra": "GBP",
    "francos": "CHF",
    "peso": "MXN",  # ("MEXICAN PESO"; by the country named before it, see lineclass)
}
RATE_WORDS = words(
    "rate exchange kurs kurz taux conversion cambio wechselkurs växelkurs tc t/c kur kuru árf"
    " árfolyam cours"
    " umrechnungskurs koers"
    " curs kurssi 換算レート 為替レート 적용환율 환율 ισοτιμία"
)
# Words that name a foreign amount printed beside it ("Original amount: USD 120.00"), as
# `fold` gives them too ("ΠΟΣΟ ΣΥΝΑΛΛΑΓΗΣ").
_FX_LABEL_WORDS = RATE_WORDS | words(
    "original orig amount amt foreign currency transaction in of at @ = montant d'origine to from"
    " valoare tranzactie tranzacție montant initial txn converted"
    " originalbetrag ursprungsbetrag importe original spend en devise devises fremdwährung"
    " pôvodná původní suma částka 現地通貨額 現地通貨 換算日 ποσό συναλλαγής"
    " oryginalna kwota operacji oryg işlem tutarı moneda extranjera divisa moeda estrangeira"
    " valuta estera fcy сума в оригинална валута eredeti összeg w walucie monto origen"
    " t.c importo local bedrag umsatz tipo de valuutta alkuperäinen alkup cizí měně v směna"
    " originale frgn valor visa määrä transacted originaalsumma znesek tuji valuti"
)
# (Turkish capitals print a dotless i as "I", which lowers to a dotted one: "TUTARI".)
FX_LABEL_WORDS = _FX_LABEL_WORDS | {fold(word).replace("ı", "i") for word in _FX_LABEL_WORDS}

# The word for a paper cheque, as a column's title or a row's whole description ("Check").
CHEQUE_WORDS = frozenset({"check", "cheque", "chq", "chèque", "scheck", "draft"})
