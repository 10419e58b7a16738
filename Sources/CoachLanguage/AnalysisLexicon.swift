/// Phrases naming what a person wants analysed, in English, Spanish, French, German, Portuguese and Italian.
enum AnalysisLexicon {
    static let table = PhraseTable<AnalysisTopic>(
        rows.flatMap { topic, phrases in phrases.map { ($0, topic) } })

    private static let rows: [(AnalysisTopic, [String])] = [
        (
            .kinds([.netWorth]),
            [
                "net worth", "wealth", "total assets", "assets", "what i own", "how rich", "patrimonio neto",
                "patrimonio", "valor neto", "patrimoine", "valeur nette", "nettovermogen", "vermogen",
                "patrimonio liquido", "patrimonio netto",
            ]
        ),
        (
            .kinds([.cashFlow]),
            [
                "cash flow", "cashflow", "income", "earn", "earning", "earnings", "salary", "paycheck", "savings rate",
                "saving rate", "surplus", "left over", "leftover", "money left", "how much am i saving",
                "how much do i save", "how much did i save", "ingresos", "sueldo", "revenus", "salaire",
                "taux d epargne", "einkommen", "gehalt", "sparquote", "renda", "salario", "reddito", "stipendio",
            ]
        ),
        (
            .kinds([.cashFlow, .emergencyFund]),
            ["savings", "ahorros", "epargne", "ersparnisse", "poupanca", "risparmi"]
        ),
        (.kinds([.cashFlow, .spending]), ["budget", "presupuesto", "orcamento", "bilancio"]),
        (
            .kinds([.spending]),
            [
                "spending", "spend", "spent", "expenses", "expense", "where does my money go",
                "where is my money going",
                "where did my money go", "categories", "category", "groceries", "restaurants", "dining", "eating out",
                "shopping", "food", "takeout", "coffee", "gas", "rent", "utilities", "entertainment", "clothes",
                "amazon", "month over month", "gastos", "gasto", "gaste", "gastado", "depenses", "depense",
                "ausgaben", "ausgegeben", "despesas", "gastei", "spese", "speso",
            ]
        ),
        (
            .kinds([.debtPayoff]),
            [
                "debt", "debts", "loan", "loans", "credit card", "credit cards", "mortgage", "student loan",
                "student loans", "owe", "interest rate", "apr", "deuda", "deudas", "prestamo", "hipoteca", "dette",
                "dettes", "pret", "credit", "schulden", "kredit", "hypothek", "divida", "dividas", "emprestimo",
                "debito", "debiti", "mutuo", "prestito",
            ]
        ),
        (
            .kinds([.emergencyFund]),
            [
                "emergency fund", "emergency savings", "rainy day", "safety net", "cushion", "months of expenses",
                "runway", "lose my job", "lost my job", "fondo de emergencia", "fonds d urgence",
                "epargne de precaution",
                "notgroschen", "notfallfonds", "notreserve", "reserva de emergencia", "fundo de emergencia",
                "fondo di emergenza",
            ]
        ),
        (
            .kinds([.portfolio]),
            [
                "portfolio", "allocation", "asset allocation", "investments", "invested", "stocks", "bonds",
                "holdings", "drift", "rebalance", "rebalancing", "diversified", "diversification", "index funds",
                "etf", "etfs", "returns", "cartera", "inversiones", "portefeuille", "placements", "depot", "aktien",
                "investimentos", "carteira", "investimenti", "portafoglio",
            ]
        ),
        (
            .kinds([.fees]),
            [
                "fee", "fees", "expense ratio", "expense ratios", "fee drag", "commissions", "management fee",
                "comisiones", "frais", "gebuhren", "kosten", "taxas", "commissioni",
            ]
        ),
        (
            .kinds([.retirement]),
            [
                "retirement", "retire", "retiring", "pension", "401k", "401(k)", "ira", "roth", "fire",
                "jubilacion", "jubilarme", "retraite", "rente", "ruhestand", "aposentadoria", "pensione",
            ]
        ),
        (.kinds([.retirement, .portfolio]), ["retirement account", "retirement accounts", "retirement savings"]),
        (
            .kinds([.goalProgress]),
            [
                "goal progress", "my goals", "goals", "progress", "on track", "how close am i", "metas", "objetivos",
                "objectifs", "ziele", "obiettivi",
            ]
        ),
        (
            .kinds([.recurringCharges]),
            [
                "subscriptions", "subscription", "recurring", "recurring charges", "bills", "monthly bills",
                "memberships", "netflix", "spotify", "suscripciones", "abonnements", "abos", "abonnement",
                "assinaturas", "abbonamenti",
            ]
        ),
        (.kinds([.debtToIncome]), ["debt to income", "dti", "debt ratio", "debt to income ratio", "endeudamiento"]),
        (
            .overall,
            [
                "how am i doing", "how are we doing", "overall", "big picture", "overview", "my finances",
                "financial situation", "financial health", "situacion financiera", "mis finanzas", "mes finances",
                "situation financiere", "meine finanzen", "minhas financas", "le mie finanze", "como voy",
                "ou en suis je", "wie stehe ich", "como estou", "come sto andando",
            ]
        ),
        (.everything, ["everything", "full report", "full analysis", "complete picture", "full picture", "all of it"]),
    ]
}
